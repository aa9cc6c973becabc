using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// The SDK's stdio transport with two waits where the SDK has one (its <see cref="StdioClientTransportOptions.ShutdownTimeout"/>).
/// <para>
/// A server that exits by itself (a failed start, a crash): the SDK waits for the process to end and its stderr to
/// reach end of file, then stops passing stderr lines on. That wait must end at end of file, not after a fixed grace
/// a loaded machine can overrun while it still reads the server's last words (the reason the start failed);
/// <paramref name="stderrDrainLimit"/> only bounds it, for a server whose child keeps stderr open.
/// </para>
/// <para>
/// The agent stopping a server (any disposal of the session, the SDK's own after a failed handshake included): stdin
/// is closed and the server gets the short <see cref="McpTransports.ShutdownGrace"/> before its tree is killed; unless
/// the server had already closed its input (it is exiting by itself). Between the two, at
/// <see cref="McpTransports.TerminateAfter"/>, the processes carrying <paramref name="processTag"/> are sent SIGTERM.
/// </para>
/// </summary>
/// <remarks>The SDK reads the timeout from these options each time it waits, so the disposal shortens it beforehand.</remarks>
internal sealed class StdioStopWaits(StdioClientTransportOptions options, TimeSpan stderrDrainLimit, ILoggerFactory loggerFactory, string? processTag = null) : IClientTransport
{
    private readonly StdioClientTransport _inner = new(WithTimeout(options, stderrDrainLimit), loggerFactory);

    // Completes when the SDK has closed the session: stderr read to its end (or the limit passed), the process gone.
    private Task _closed = Task.CompletedTask;

    public string Name => _inner.Name;

    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var session = new Session(await _inner.ConnectAsync(cancellationToken).ConfigureAwait(false), options, processTag, loggerFactory.CreateLogger<StdioStopWaits>());
        _closed = session.MessageReader.Completion;
        return session;
    }

    /// <summary>
    /// Waits until the session has closed, so that every stderr line the server wrote has been handed over. A start
    /// whose first message found the pipe already broken fails before the SDK has read the server's stderr, which holds
    /// the reason. Bounded by the SDK's two waits for the end of stderr and its kill; returns at once without a session.
    /// </summary>
    public async Task WaitUntilClosedAsync()
    {
        var limit = (2 * stderrDrainLimit) + (2 * McpTransports.ShutdownGrace);
        await _closed.WaitAsync(limit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static StdioClientTransportOptions WithTimeout(StdioClientTransportOptions options, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        options.ShutdownTimeout = timeout;
        return options;
    }

    private sealed class Session(ITransport inner, StdioClientTransportOptions options, string? processTag, ILogger logger) : ITransport
    {
        // Set when a message could not be written: the server has closed its input, it is exiting or gone.
        private volatile bool _inputBroken;

        public string? SessionId => inner.SessionId;

        public ChannelReader<JsonRpcMessage> MessageReader => inner.MessageReader;

        public async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                _inputBroken = true;
                throw;
            }
        }

        public ValueTask DisposeAsync()
        {
            // The SDK disposes the session as soon as the first message finds the pipe broken, before it has read the
            // dying server's stderr: that stop keeps the wait that ends at the end of stderr.
            if (!_inputBroken)
            {
                options.ShutdownTimeout = McpTransports.ShutdownGrace;
                if (processTag is not null)
                {
                    _ = TerminateUnlessClosedAsync(processTag, inner.MessageReader.Completion);
                }
            }

            return inner.DisposeAsync();
        }

        // The SDK closes the input now and kills the tree at the grace; this is MCP's SIGTERM between the two.
        private async Task TerminateUnlessClosedAsync(string tag, Task closed)
        {
            if (await Task.WhenAny(closed, Task.Delay(McpTransports.TerminateAfter)).ConfigureAwait(false) == closed)
            {
                return;
            }

            var result = ServerProcessTag.TerminateTagged(tag);
            if (result.Unavailable is { } reason)
            {
                McpLog.TerminateUnavailable(logger, options.Name ?? "?", reason);
            }
            else if (result.Count > 0)
            {
                McpLog.TerminatedAfterWait(logger, options.Name ?? "?", (int)McpTransports.TerminateAfter.TotalMilliseconds, result.Count);
            }
        }
    }
}
