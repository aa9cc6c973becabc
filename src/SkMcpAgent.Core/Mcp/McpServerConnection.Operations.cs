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
        McpClient? broken = null;
        for (var attempt = 1; ; attempt++)
        {
            McpClient client;
            try
            {
                client = await GetClientAsync(cancellationToken, broken);
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
            catch (Exception ex) when (ex is not McpToolErrorException && !cancellationToken.IsCancellationRequested)
            {
                // The session is gone. Calls that never reached the server are sent once more on a fresh session: a
                // request the dead process could not be sent, or one a remote server refused because the session
                // expired (HTTP 404). A server that died mid-call may have done part of the work, so that is reported.
                if (attempt == 1 && (NeverSent(ex) || SessionExpired(client)))
                {
                    broken = client;
                    continue;
                }

                throw new McpToolErrorException(Name, toolName, $"Server '{Name}' failed during the call to '{toolName}': {ex.Message} It is restarted on the next call.", ex);
            }
        }
    }

    /// <summary>
    /// The stdio transport throws an <see cref="IOException"/> when writing to a process that already exited; a
    /// request pending when the process died fails with "The server shut down unexpectedly." or a
    /// <see cref="ClientTransportClosedException"/> instead.
    /// </summary>
    private bool NeverSent(Exception exception) =>
        Config.Transport == Configuration.McpTransportKind.Stdio
        && exception is IOException and not ClientTransportClosedException
        && !exception.Message.Contains("shut down unexpectedly", StringComparison.Ordinal);

    private static bool SessionExpired(McpClient client) =>
        client.Completion.IsCompletedSuccessfully && client.Completion.Result is HttpClientCompletionDetails { HttpStatusCode: System.Net.HttpStatusCode.NotFound };
}
