using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp;

public sealed class McpServerHubLifecycleTests
{
    [Fact]
    public async Task Start_ReportsEachBrokenServerWithItsReason_WithoutStoppingTheOthers()
    {
        var events = new RecordingEventSink();
        McpServerConfig[] servers =
        [
            new() { Name = "crashes", Command = "/bin/sh", Args = ["-c", "echo 'config file /etc/x is missing' >&2; exit 3"] },
            new() { Name = "no-such-command", Command = "/nonexistent/mcp-server" },
            new() { Name = "silent", Command = "/bin/sh", Args = ["-c", "exec sleep 60"], StartupTimeout = TimeSpan.FromSeconds(0.5) },
        ];
        await using var hub = new McpServerHub(servers, new McpHubOptions(), events, NullLoggerFactory.Instance);

        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());

        Assert.All(hub.Servers, s => Assert.Equal(ServerState.Failed, s.State));
        Assert.Contains("config file /etc/x is missing", hub.Servers[0].FailureReason, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/mcp-server", hub.Servers[1].FailureReason, StringComparison.Ordinal);
        Assert.Contains("did not start within 0.5 s", hub.Servers[2].FailureReason, StringComparison.Ordinal);
        Assert.Equal(3, events.Events.OfType<ServerStateChanged>().Count(e => e.State == ServerState.Failed));
        Assert.Empty(hub.GetFunctions());
    }

    [Fact]
    public async Task DisposeAsync_LeavesNoChildProcessBehind()
    {
        var marker = "SKMCP_TEST_MARKER=" + Guid.NewGuid().ToString("N");
        McpServerConfig[] servers =
        [
            new() { Name = "everything", Command = Peers.Bin("server-everything"), Args = ["stdio"], Env = new Dictionary<string, string> { [marker.Split('=')[0]] = marker.Split('=')[1] } },
        ];
        var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);
        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
        var pid = ChildProcesses.FindByEnvironment(marker) ?? throw new InvalidOperationException("server process not found");

        await hub.DisposeAsync();

        // DisposeAsync may return while the killed server is still inside the kernel's exit (its memory being freed,
        // longer on a loaded machine): it is on its way out, not left behind. A server left running would stay.
        Assert.True(
            SpinWait.SpinUntil(() => !ChildProcesses.IsAlive(pid), TimeSpan.FromSeconds(5)),
            $"process {pid} is still running after DisposeAsync");
    }

    [Fact]
    public async Task DisposeAsync_StopsServersThatAreStillStarting()
    {
        var marker = "SKMCP_TEST_MARKER=" + Guid.NewGuid().ToString("N");
        McpServerConfig[] servers =
        [
            new() { Name = "everything", Command = Peers.Bin("server-everything"), Args = ["stdio"], Env = new Dictionary<string, string> { [marker.Split('=')[0]] = marker.Split('=')[1] } },
        ];
        var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);
        hub.Start();

        await hub.DisposeAsync();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());

        Assert.Null(ChildProcesses.FindByEnvironment(marker));
    }

    [Fact]
    public async Task ReconnectAsync_BringsAFailedServerBack_WhenItCanStartNow()
    {
        var flag = Path.Combine(Path.GetTempPath(), "skmcp-" + Guid.NewGuid().ToString("N"));
        var everything = Peers.Bin("server-everything");
        McpServerConfig[] servers =
        [
            // Fails until the flag file exists, then runs server-everything.
            new() { Name = "late", Command = "/bin/sh", Args = ["-c", $"test -f '{flag}' || {{ echo 'not ready yet' >&2; exit 1; }}; exec '{everything}' stdio"] },
        ];
        var events = new RecordingEventSink();
        await using var hub = new McpServerHub(servers, new McpHubOptions(), events, NullLoggerFactory.Instance);
        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
        Assert.Equal(ServerState.Failed, hub.Servers[0].State);

        await File.WriteAllTextAsync(flag, "ready");
        try
        {
            await hub.ReconnectAsync("late", TestTimeouts.DefaultToken());
        }
        finally
        {
            File.Delete(flag);
        }

        Assert.Equal(ServerState.Ready, hub.Servers[0].State);
        Assert.Null(hub.Servers[0].FailureReason);
        Assert.Contains(hub.GetFunctions(), f => f.Name == "late_echo");
        await Assert.ThrowsAsync<ArgumentException>(() => hub.ReconnectAsync("unknown", TestTimeouts.DefaultToken()));
    }

    [Fact]
    public async Task Start_FallsBackToTheServersProtocolVersion_WhenItOnlySpeaks20250618()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.Core.Tests", "Mcp", "old-protocol-server.mjs");
        McpServerConfig[] servers = [new() { Name = "old", Command = "node", Args = [script] }];
        await using var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);

        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
        var shout = hub.GetFunctions().Single(f => f.Name == "old_shout");
        var result = await shout.InvokeAsync(new Microsoft.Extensions.AI.AIFunctionArguments(new Dictionary<string, object?> { ["text"] = "hi" }), TestTimeouts.DefaultToken());

        Assert.Equal(ServerState.Ready, hub.Servers[0].State);
        Assert.Equal("2025-06-18", hub.Servers[0].ProtocolVersion);
        Assert.Equal("HI", result);
    }

    [Fact]
    public async Task ToolListChanged_AddsTheNewToolAsAFunction()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.Core.Tests", "Mcp", "old-protocol-server.mjs");
        McpServerConfig[] servers = [new() { Name = "old", Command = "node", Args = [script] }];
        var events = new RecordingEventSink();
        await using var hub = new McpServerHub(servers, new McpHubOptions(), events, NullLoggerFactory.Instance);
        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
        Assert.DoesNotContain(hub.GetFunctions(), f => f.Name == "old_extra");

        await hub.GetFunctions().Single(f => f.Name == "old_grow").InvokeAsync(new(), TestTimeouts.DefaultToken());

        await events.WaitForAsync<ServerFunctionsChanged>(e => e.ServerName == "old" && e.FunctionCount == 4);
        Assert.Contains(hub.GetFunctions(), f => f.Name == "old_extra");
    }

    [Fact]
    public async Task ServerLogNotifications_GoToTheLoggerAtTheirLevel()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.Core.Tests", "Mcp", "old-protocol-server.mjs");
        McpServerConfig[] servers = [new() { Name = "old", Command = "node", Args = [script] }];
        using var logs = new CapturingLoggerFactory();
        await using var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, logs);
        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());

        await hub.GetFunctions().Single(f => f.Name == "old_log").InvokeAsync(new(), TestTimeouts.DefaultToken());
        var entry = await logs.WaitForAsync("MCP server 'old' log");

        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, entry.Level);
        Assert.Equal("MCP server 'old' log (old-logger): disk almost full", entry.Message);
    }

    [Fact]
    public async Task Start_KeepsTheSession_WhenAReconnectConnectedFirst()
    {
        // /reconnect typed while the hub's background start had not yet begun.
        var script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.Core.Tests", "Mcp", "old-protocol-server.mjs");
        McpServerConfig[] servers = [new() { Name = "old", Command = "node", Args = [script] }];
        var events = new RecordingEventSink();
        await using var hub = new McpServerHub(servers, new McpHubOptions(), events, NullLoggerFactory.Instance);
        await hub.ReconnectAsync(null, TestTimeouts.DefaultToken());
        var functions = hub.GetFunctions();

        await hub.Servers[0].StartAsync();

        Assert.Equal(ServerState.Ready, hub.Servers[0].State);
        Assert.DoesNotContain(events.Events.OfType<ServerStateChanged>(), e => e.State == ServerState.Connecting);
        Assert.Equal(functions.Select(static f => f.Name), hub.GetFunctions().Select(static f => f.Name));
    }
}
