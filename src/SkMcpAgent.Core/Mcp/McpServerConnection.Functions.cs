using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    private async Task<IReadOnlyList<AIFunction>> ListFunctionsAsync(McpClient client, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var functions = new List<AIFunction>();
        if (client.ServerCapabilities.Tools is not null)
        {
            await foreach (var listed in ListToolsAsync(client, cancellationToken))
            {
                if (ReadTool(listed) is { } tool && Config.IsToolAllowed(tool.Name))
                {
                    var name = FunctionNames.MakeUnique(FunctionNames.ForFunction(PluginName, tool.Name), taken, FunctionNames.MaxFunctionLength(PluginName));
                    if (ToFunction(tool, name) is { } function)
                    {
                        functions.Add(function);
                    }
                    else
                    {
                        taken.Remove(name);
                    }
                }
            }
        }

        if (client.ServerCapabilities.Resources is not null)
        {
            functions.AddRange(McpResourceFunctions.Create(this, taken));
        }

        return functions;
    }

    /// <summary>
    /// The tools of <c>tools/list</c>, page after page, as the server sent them. Raw JSON rather than the SDK's typed
    /// <c>ListToolsAsync</c>: that one deserialises the whole page at once, so a single tool with a broken input schema
    /// would fail the listing, and with it the server.
    /// </summary>
    private static async IAsyncEnumerable<JsonNode?> ListToolsAsync(McpClient client, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        for (var page = 0; page < MaxToolPages; page++)
        {
            var request = new JsonRpcRequest
            {
                Method = RequestMethods.ToolsList,
                Params = cursor is null ? null : new JsonObject { ["cursor"] = cursor },
            };
            var response = await client.SendRequestAsync(request, cancellationToken);
            if (response.Result?["tools"] is not JsonArray tools)
            {
                throw new McpException("its tools/list result has no \"tools\" array.");
            }

            foreach (var tool in tools)
            {
                yield return tool;
            }

            cursor = response.Result["nextCursor"] is JsonValue next && next.TryGetValue<string>(out var text) ? text : null;
            if (string.IsNullOrEmpty(cursor))
            {
                yield break;
            }
        }
    }

    // A server whose cursor never ends is not listed forever.
    private const int MaxToolPages = 100;

    /// <summary>One listed tool, or null (with a warning naming it) when it is not a tool the SDK accepts.</summary>
    private Tool? ReadTool(JsonNode? listed)
    {
        var name = listed?["name"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        string problem;
        if (name is null)
        {
            problem = "has no name";
        }
        else if (listed?["inputSchema"] is not JsonObject)
        {
            problem = listed?["inputSchema"] is null
                ? "has no inputSchema"
                : $"has an inputSchema that is not a JSON object ({listed["inputSchema"]!.GetValueKind().ToString().ToLowerInvariant()})";
        }
        else
        {
            try
            {
                return listed.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Tool))) as Tool
                    ?? throw new JsonException("the tool is null");
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
            {
                problem = $"is not a valid MCP tool: {ex.Message}";
            }
        }

        WarnSkipped(name, problem);
        return null;
    }

    /// <summary>
    /// The tool as a function, or null (with a warning) when its schema passes the SDK but not the kernel: Semantic
    /// Kernel reads the schema's <c>properties</c> to build the function's parameters, so it is built once here, where
    /// a failure costs this tool only, rather than in the server's plugin, where it would cost every tool.
    /// </summary>
    private McpToolFunction? ToFunction(Tool tool, string name)
    {
        try
        {
            var function = new McpToolFunction(this, tool, name);
            _ = function.AsKernelFunction().Metadata.Parameters;
            return function;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException or KeyNotFoundException)
        {
            WarnSkipped(tool.Name, $"has an input schema the kernel cannot read: {ex.Message}");
            return null;
        }
    }

    private void WarnSkipped(string? tool, string problem)
    {
        var message = tool is null
            ? $"a tool was skipped: it {problem}"
            : $"tool '{StderrTail.Cut(tool, 100)}' was skipped: it {problem}";
        message = StderrTail.Cut(message, 300);
        McpLog.ToolSkipped(_logger, Name, message);
        _events.Publish(new ServerWarning(Name, message));
    }

    /// <summary>
    /// Re-lists the tools after <c>notifications/tools/list_changed</c>, one listing per burst (server-everything
    /// sends three as it starts): see <see cref="ListChangedCoalescer"/>.
    /// </summary>
    private Task RefreshFunctionsAsync() => _listChanged.NotificationReceived() ? RelistAsync() : Task.CompletedTask;

    private async Task RelistAsync()
    {
        try
        {
            await _refreshGate.WaitAsync(_lifetime.Token);
            try
            {
                var client = _client;
                if (!_listChanged.BeginQueuedRelist() || client is null || client.Completion.IsCompleted)
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
