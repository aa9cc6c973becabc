using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    private async Task WatchForExitAsync(McpClient client)
    {
        var details = await client.Completion;
        if (_lifetime.IsCancellationRequested || !ReferenceEquals(_client, client))
        {
            return;
        }

        var reason = DescribeExit(details);
        _failureReason = reason;
        McpLog.Disconnected(_logger, Name, reason);
    }

    private string DescribeExit(ClientCompletionDetails details)
    {
        var reason = details switch
        {
            StdioClientCompletionDetails { ExitCode: { } code } => string.Create(CultureInfo.InvariantCulture, $"the process exited with code {code}"),
            StdioClientCompletionDetails => "the process exited",
            HttpClientCompletionDetails { HttpStatusCode: System.Net.HttpStatusCode.NotFound } => "the session expired (HTTP 404)",
            _ => details.Exception?.Message ?? "the connection closed",
        };
        return WithStderr(reason);
    }

    private string Describe(Exception exception)
    {
        var message = exception switch
        {
            TimeoutException => exception.Message,
            ClientTransportClosedException closed => DescribeTransportClosed(closed),
            _ => exception.InnerException is { } inner && exception is not McpException
                ? $"{exception.Message} ({inner.Message})"
                : exception.Message,
        };
        // The SDK keeps its own stderr tail; use it when ours missed the lines (the process died before they were read).
        var sdkTail = exception is ClientTransportClosedException { Details: StdioClientCompletionDetails { StandardErrorTail: { } tail } } ? tail : null;
        return WithStderr(message, sdkTail);
    }

    private static string DescribeTransportClosed(ClientTransportClosedException closed) => closed.Details switch
    {
        StdioClientCompletionDetails { ExitCode: { } code } => string.Create(CultureInfo.InvariantCulture, $"the process exited with code {code} before the handshake finished"),
        var details => details.Exception?.Message ?? closed.Message,
    };

    private string WithStderr(string reason, IReadOnlyList<string>? fallbackTail = null)
    {
        reason = BoundedMessage(reason);
        if (Config.Transport != McpTransportKind.Stdio)
        {
            return reason;
        }

        var stderr = _stderr.Text();
        if (stderr.Length == 0 && fallbackTail is { Count: > 0 })
        {
            stderr = StderrTail.Bounded(fallbackTail);
        }

        return stderr.Length == 0 ? reason : $"{reason}{Environment.NewLine}Last stderr lines:{Environment.NewLine}{stderr}";
    }

    /// <summary>
    /// A message fit to show: without the stderr tail the SDK appends to some of its exception messages (whole lines,
    /// megabytes if the server printed that much; ours is added cut), and cut if it is still long.
    /// </summary>
    internal static string BoundedMessage(string message)
    {
        const string sdkTail = "Server's stderr tail:";
        var tail = message.IndexOf(sdkTail, StringComparison.Ordinal);
        if (tail >= 0)
        {
            message = message[..tail].TrimEnd();
        }

        return StderrTail.Cut(message, StderrTail.DefaultMaxLineLength);
    }
}
