using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>
/// Which wait the SDK's stdio transport gets (it reads its options' ShutdownTimeout each time it waits): the bound on
/// reading a dying server's stderr while the session lives, the short grace once the agent stops it.
/// </summary>
public sealed class StdioStopWaitsTests
{
    private static readonly TimeSpan s_drainLimit = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Dispose_GivesTheServerOnlyTheShortGrace_WhenTheAgentStopsIt()
    {
        var options = Shell("exec sleep 30");
        var transport = new StdioStopWaits(options, s_drainLimit, NullLoggerFactory.Instance);

        var session = await transport.ConnectAsync(TestTimeouts.DefaultToken());
        var whileServing = options.ShutdownTimeout;
        await session.DisposeAsync();

        Assert.Equal(s_drainLimit, whileServing);
        Assert.Equal(McpTransports.ShutdownGrace, options.ShutdownTimeout);
    }

    [Fact]
    public async Task Dispose_KeepsTheWaitForTheEndOfStderr_WhenTheServerHadClosedItsInput()
    {
        var inputClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Shell("exec 0<&-; echo 'input closed' >&2; exec sleep 30");
        options.StandardErrorLines = line =>
        {
            if (line == "input closed")
            {
                inputClosed.TrySetResult();
            }
        };
        var transport = new StdioStopWaits(options, s_drainLimit, NullLoggerFactory.Instance);

        var session = await transport.ConnectAsync(TestTimeouts.DefaultToken());
        await inputClosed.Task.WaitAsync(TestTimeouts.DefaultToken());
        await Assert.ThrowsAsync<IOException>(() => session.SendMessageAsync(new JsonRpcNotification { Method = "notifications/initialized" }, TestTimeouts.DefaultToken()));
        await session.DisposeAsync();

        Assert.Equal(s_drainLimit, options.ShutdownTimeout);
    }

    [Fact]
    public async Task WaitUntilClosed_ReturnsOnceTheSessionClosed_AndAtOnceWithoutASession()
    {
        var transport = new StdioStopWaits(Shell("exit 3"), s_drainLimit, NullLoggerFactory.Instance);
        await transport.WaitUntilClosedAsync().WaitAsync(TestTimeouts.DefaultToken());

        var session = await transport.ConnectAsync(TestTimeouts.DefaultToken());
        await transport.WaitUntilClosedAsync().WaitAsync(TestTimeouts.DefaultToken());

        Assert.True(session.MessageReader.Completion.IsCompleted);
        await session.DisposeAsync();
    }

    private static StdioClientTransportOptions Shell(string script) =>
        new() { Name = "shell", Command = "/bin/sh", Arguments = ["-c", script] };
}
