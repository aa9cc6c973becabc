using System.Globalization;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary>After the answer the agent does not wait on a stdio server that ignores end of input: SIGTERM, then a kill, after short waits.</summary>
[Collection(AgentProcessGroup.Name)]
public sealed class QuickExitTests : IAsyncLifetime
{
    private static readonly string s_script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.Core.Tests", "Mcp", "everything-like-server.mjs");
    private AgentWorkspace _workspace = null!;

    private string EventsFile => Path.Combine(_workspace.Directory, "server.events");

    public async Task InitializeAsync()
    {
        _workspace = await AgentWorkspace.CreateAsync();
        _workspace.WriteNodeServerConfig("stubborn", s_script, "EVENTS_FILE", EventsFile);
    }

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task SingleShot_AfterTheAnswer_ClosesInputThenStopsAServerThatIgnoresIt()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.ScriptToolThenEcho("stubborn_lists", "{}");

        var (exitCode, agent) = await _workspace.RunAsync("How many listings?", "--verbose");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.StartsWith("Tool said: ", agent.Stdout, StringComparison.Ordinal);
        var events = File.ReadAllLines(EventsFile);
        var pid = int.Parse(events[0]["pid ".Length..], CultureInfo.InvariantCulture);
        Assert.False(ProcessLifetimeTests.IsAlive(pid), $"the server ({pid}) outlived the agent");
        Assert.Contains("eof", events);
        // It never exits by itself: SIGTERM ends it, as a rule; on a machine so loaded that the SIGTERM came late,
        // the SDK's kill after the grace or the agent's pass over the tagged processes.
        Assert.True(
            (events.Contains("sigterm") && agent.Stderr.Contains("MCP server 'stubborn' did not exit within 50 ms of its input closing; sent SIGTERM to 1 process(es)", StringComparison.Ordinal))
            || agent.Stderr.Contains("MCP server 'stubborn' did not exit within 100 ms of its input closing; its process tree was killed", StringComparison.Ordinal)
            || agent.Stderr.Contains("MCP server 'stubborn': stopped 1 process(es) it had started and left running.", StringComparison.Ordinal),
            agent.Stderr);

        // The native executable binds libc's kill when linked: a SIGTERM it could not send would say so here.
        Assert.DoesNotContain("SIGTERM could not be sent", agent.Stderr, StringComparison.Ordinal);
    }
}
