using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    public async Task<IList<McpClientResource>> ListResourcesAsync(CancellationToken cancellationToken) =>
        await (await GetClientAsync(cancellationToken)).ListResourcesAsync(cancellationToken: cancellationToken);

    public async Task<IList<McpClientResourceTemplate>> ListResourceTemplatesAsync(CancellationToken cancellationToken) =>
        await (await GetClientAsync(cancellationToken)).ListResourceTemplatesAsync(cancellationToken: cancellationToken);

    public async Task<ReadResourceResult> ReadResourceAsync(string uri, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        return await (await GetClientAsync(cancellationToken)).ReadResourceAsync(uri, cancellationToken: cancellationToken);
    }

    public async Task<IList<McpClientPrompt>> ListPromptsAsync(CancellationToken cancellationToken)
    {
        var client = await GetClientAsync(cancellationToken);
        return client.ServerCapabilities.Prompts is null ? [] : await client.ListPromptsAsync(cancellationToken: cancellationToken);
    }

    public async Task<GetPromptResult> GetPromptAsync(string name, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await (await GetClientAsync(cancellationToken)).GetPromptAsync(name, arguments, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Calls a tool by its original name on the live client, within the entry's <c>toolTimeout</c>. Every failure the
    /// model should hear about becomes a <see cref="McpToolErrorException"/>.
    /// </summary>
    internal async Task<CallToolResult> CallToolAsync(
        string toolName,
        IReadOnlyDictionary<string, object?> arguments,
        IProgress<ProgressNotificationValue>? progress,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            McpClient client;
            try
            {
                client = await GetClientAsync(cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                throw new McpToolErrorException(Name, toolName, ex.Message, ex);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (Config.ToolTimeout is { } limit)
            {
                timeout.CancelAfter(limit);
            }

            try
            {
                var result = await client.CallToolAsync(toolName, arguments, progress, cancellationToken: timeout.Token);
                return result.IsError is true
                    ? throw new McpToolErrorException(Name, toolName, ToolResults.ErrorText(result))
                    : result;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && Config.ToolTimeout is { } limit2)
            {
                throw new McpToolErrorException(Name, toolName, string.Create(CultureInfo.InvariantCulture, $"Tool '{toolName}' on server '{Name}' timed out after {limit2.TotalSeconds:0.###} s."), ex);
            }
            catch (McpProtocolException ex)
            {
                throw new McpToolErrorException(Name, toolName, $"Server '{Name}' rejected the call to '{toolName}': {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is not McpToolErrorException && !cancellationToken.IsCancellationRequested && client.Completion.IsCompleted)
            {
                // A remote session that expired (HTTP 404) never ran the call, so it is safe to open a new session and
                // send it once more. A stdio server that died mid-call may have done part of the work: report instead.
                if (attempt == 1 && await SessionExpiredAsync(client))
                {
                    continue;
                }

                throw new McpToolErrorException(Name, toolName, $"Server '{Name}' stopped during the call to '{toolName}' ({DescribeExit(await client.Completion)}). It is restarted on the next call.", ex);
            }
        }
    }

    private static async Task<bool> SessionExpiredAsync(McpClient client) =>
        await client.Completion is HttpClientCompletionDetails { HttpStatusCode: System.Net.HttpStatusCode.NotFound };
}
