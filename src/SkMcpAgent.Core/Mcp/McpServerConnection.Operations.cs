using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    /// <summary>The server's resources; none (not an error) when it does not offer resources.</summary>
    public async Task<IList<McpClientResource>> ListResourcesAsync(CancellationToken cancellationToken)
    {
        var client = await GetClientAsync(cancellationToken);
        return client.ServerCapabilities.Resources is null ? [] : await client.ListResourcesAsync(cancellationToken: cancellationToken);
    }

    /// <summary>The server's resource templates; none when it does not offer resources.</summary>
    public async Task<IList<McpClientResourceTemplate>> ListResourceTemplatesAsync(CancellationToken cancellationToken)
    {
        var client = await GetClientAsync(cancellationToken);
        return client.ServerCapabilities.Resources is null ? [] : await client.ListResourceTemplatesAsync(cancellationToken: cancellationToken);
    }

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

            var toolTimeout = Config.ToolTimeout;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (toolTimeout is not null)
            {
                timeout.CancelAfter(toolTimeout.Value);
            }

            try
            {
                var result = await client.CallToolAsync(toolName, arguments, progress, cancellationToken: timeout.Token);
                return result.IsError is true
                    ? throw new McpToolErrorException(Name, toolName, ToolResults.ErrorText(result))
                    : result;
            }
            catch (OperationCanceledException ex) when (toolTimeout is not null && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var seconds = toolTimeout.Value.TotalSeconds;
                throw new McpToolErrorException(Name, toolName, string.Create(CultureInfo.InvariantCulture, $"Tool '{toolName}' on server '{Name}' timed out after {seconds:0.###} s (its toolTimeout in mcp.json)."), ex);
            }
            catch (Exception ex) when (ex is not McpToolErrorException && !cancellationToken.IsCancellationRequested)
            {
                // Calls that never reached a live session are sent once more on a fresh one. A server that died
                // mid-call may have done part of the work, so that is reported instead.
                if (attempt == 1 && await SessionLostAsync(client, ex))
                {
                    broken = client;
                    continue;
                }

                var message = ex is McpProtocolException
                    ? $"Server '{Name}' rejected the call to '{toolName}': {ex.Message}"
                    : $"Server '{Name}' failed during the call to '{toolName}': {ex.Message} It is restarted on the next call.";
                throw new McpToolErrorException(Name, toolName, message, ex);
            }
        }
    }

    /// <summary>True when the request cannot have run because the session was already gone.</summary>
    private async Task<bool> SessionLostAsync(McpClient client, Exception exception)
    {
        if (Config.Transport == McpTransportKind.Stdio)
        {
            // Writing to a process that already exited throws an IOException; a request pending when the process
            // died fails with "The server shut down unexpectedly." or a ClientTransportClosedException instead.
            return exception is IOException and not ClientTransportClosedException
                && !exception.Message.Contains("shut down unexpectedly", StringComparison.Ordinal);
        }

        // The spec's answer to an unknown session is 404, which the SDK turns into a completed session. Servers built
        // on the TypeScript SDK's examples (server-everything among them) answer 400 "No valid session ID" instead.
        if (exception is McpProtocolException && exception.Message.Contains("session", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            var details = await client.Completion.WaitAsync(TimeSpan.FromSeconds(1));
            return details is HttpClientCompletionDetails { HttpStatusCode: System.Net.HttpStatusCode.NotFound };
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
