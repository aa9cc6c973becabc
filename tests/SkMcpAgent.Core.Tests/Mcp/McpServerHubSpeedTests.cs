using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Logging;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>What keeps the agent quick around its servers: one re-list per burst of tools/list_changed, and no wait on a server that ignores end of input.</summary>
public sealed class McpServerHubSpeedTests
{
    private static readonly string s_script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.Core.Tests", "Mcp", "everything-like-server.mjs");

    [Fact]
    public async Task ToolListChangedBurst_DuringTheFirstListing_IsNotListedOncePerNotification()
    {
        var events = new RecordingEventSink();
        McpServerConfig[] servers = [new() { Name = "burst", Command = "node", Args = [s_script] }];
        await using var hub = new McpServerHub(servers, new McpHubOptions(), events, NullLoggerFactory.Instance);
        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
        Assert.True(
            SpinWait.SpinUntil(() => FunctionsChanged(events) >= 2, TestTimeouts.Default),
            "the tools were not listed again after tools/list_changed");

        // Three notifications came while the first listing was in flight. The SDK hands them over in no set order,
        // so they may be answered by one re-list or, when the later ones are handled after that re-list began, by one
        // more; never one listing each (which made four).
        var lists = int.Parse((string)(await hub.GetFunctions().Single(f => f.Name == "burst_lists").InvokeAsync(new AIFunctionArguments(), TestTimeouts.DefaultToken()))!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(lists, 2, 3);
    }

    [Fact]
    public async Task DisposeAsync_ClosesInputThenStopsAServerThatIgnoresIt_WithoutWaitingLong()
    {
        var eventsFile = Path.Combine(Path.GetTempPath(), "skmcp-events-" + Guid.NewGuid().ToString("N"));
        try
        {
            McpServerConfig[] servers =
            [
                new() { Name = "stubborn", Command = "node", Args = [s_script], Env = new Dictionary<string, string> { ["EVENTS_FILE"] = eventsFile } },
            ];
            using var logs = new CapturingLoggerFactory();
            var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, logs);
            hub.Start();
            await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
            var pid = int.Parse(File.ReadAllLines(eventsFile)[0]["pid ".Length..], System.Globalization.CultureInfo.InvariantCulture);

            await hub.DisposeAsync();

            Assert.False(ChildProcesses.IsAlive(pid), $"process {pid} is still running after DisposeAsync");
            Assert.Contains("eof", File.ReadAllLines(eventsFile));

            // It never exits by itself: SIGTERM ends it, as a rule; on a machine so loaded that the SIGTERM came late,
            // the SDK's kill after the grace or the agent's pass over the tagged processes.
            var events = File.ReadAllLines(eventsFile);
            Assert.True(
                (events.Contains("sigterm") && logs.AllText.Contains($"MCP server 'stubborn' did not exit within {McpTransports.TerminateAfter.TotalMilliseconds:0} ms of its input closing; sent SIGTERM to 1 process(es)", StringComparison.Ordinal))
                || logs.AllText.Contains($"MCP server 'stubborn' did not exit within {McpTransports.ShutdownGrace.TotalMilliseconds:0} ms of its input closing; its process tree was killed", StringComparison.Ordinal)
                || logs.AllText.Contains("MCP server 'stubborn': stopped 1 process(es) it had started and left running.", StringComparison.Ordinal),
                logs.AllText);
            Assert.DoesNotContain("SIGTERM could not be sent", logs.AllText, StringComparison.Ordinal);
            Assert.True(McpTransports.TerminateAfter < McpTransports.ShutdownGrace, "SIGTERM comes before the kill");
            Assert.True(McpTransports.ShutdownGrace <= TimeSpan.FromMilliseconds(150), "the grace must leave the agent time to exit within 0.2 s of its answer");
        }
        finally
        {
            File.Delete(eventsFile);
        }
    }

    private static int FunctionsChanged(RecordingEventSink events) =>
        events.Events.OfType<ServerFunctionsChanged>().Count(static e => e.ServerName == "burst");
}
