using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    private async Task<IReadOnlyList<AIFunction>> ListFunctionsAsync(McpClient client, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var functions = new List<AIFunction>();
        if (client.ServerCapabilities.Tools is not null)
        {
            foreach (var tool in await client.ListToolsAsync(cancellationToken: cancellationToken))
            {
                if (Config.IsToolAllowed(tool.Name))
                {
                    var name = FunctionNames.MakeUnique(FunctionNames.ForFunction(PluginName, tool.Name), taken, FunctionNames.MaxFunctionLength(PluginName));
                    functions.Add(new McpToolFunction(this, tool.ProtocolTool, name));
                }
            }
        }

        if (client.ServerCapabilities.Resources is not null)
        {
            functions.AddRange(McpResourceFunctions.Create(this, taken));
        }

        return functions;
    }

    /// <summary>Re-lists the tools after <c>notifications/tools/list_changed</c>.</summary>
    private async Task RefreshFunctionsAsync()
    {
        try
        {
            await _refreshGate.WaitAsync(_lifetime.Token);
            try
            {
                var client = _client;
                if (client is null || client.Completion.IsCompleted)
                {
                    return;
                }

                SetFunctions(await ListFunctionsAsync(client, _lifetime.Token));
            }
            finally
            {
                _refreshGate.Release();
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            McpLog.RefreshFailed(_logger, Name, ex);
        }
    }
}
