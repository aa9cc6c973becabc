using System.Globalization;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary>After the answer the agent does not wait on a stdio server that ignores end of input: it kills it after a short grace.</summary>
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
    public async Task SingleShot_AfterTheAnswer_ClosesInputThenKillsAServerThatIgnoresIt()
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
        // Killed by the SDK after the grace, or (its wait for the kill ran out on a loaded machine) by the agent's
        // pass over the tagged processes: it never exits by itself.
        Assert.True(
            agent.Stderr.Contains("MCP server 'stubborn' did not exit within 100 ms of its input closing; its process tree was killed", StringComparison.Ordinal)
            || agent.Stderr.Contains("MCP server 'stubborn': stopped 1 process(es) it had started and left running.", StringComparison.Ordinal),
            agent.Stderr);
    }
}
