using System.Globalization;
using System.Text.RegularExpressions;
using SkMcpAgent.EndToEnd.Tests.Support;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary>SKMCPAGENT_TRACE_STARTUP=1: where a run's time goes, on stderr, with stdout left to the answer.</summary>
[Collection(AgentProcessGroup.Name)]
public sealed partial class StartupTraceTests : IAsyncLifetime
{
    private AgentWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await AgentWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task SingleShot_WithTheTraceOn_TimesEveryMilestoneInOrder_AndStdoutHoldsOnlyTheAnswer()
    {
        await using var agent = await RunTracedAsync("openai");
        var lines = TraceLine().Matches(agent.Stderr).Select(static m => (Ms: double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture), Text: m.Groups["text"].Value.TrimEnd('\r'))).ToList();
        Assert.Equal(agent.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, lines.Count);
        string[] milestones =
        [
            "main entered", "options parsed", "session: built", "first model request",
            "session: stopping servers", "session: servers stopped", "processor time used:", "main returns",
        ];
        var at = milestones.Select(m => lines.FindIndex(l => l.Text.StartsWith(m, StringComparison.Ordinal))).ToList();
        Assert.All(at, static (index, i) => Assert.True(index >= 0, $"milestone {i} is missing"));
        Assert.Equal(at.Order(), at);

        // Single-shot asks the model once every server is ready.
        var ready = lines.FindIndex(static l => l.Text == "server disk: Ready");
        Assert.InRange(ready, 0, at[3]);
        Assert.Equal(lines.Select(static l => l.Ms).Order(), lines.Select(static l => l.Ms));
        Assert.Contains(lines, static l => l.Text.Contains("assemblies loaded: ", StringComparison.Ordinal) && l.Text.Contains("SkMcpAgent.Core", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anthropic_LoadsNoAssemblyTheRunDoesNotUse()
    {
        // The Anthropic SDK's version check would load every assembly the agent references (the csproj turns it off).
        // Under the JIT, where assemblies load as they are needed (a native executable has them all compiled in).
        await using var agent = await RunTracedAsync("anthropic", underJit: true);
        var loaded = agent.Stderr.Split('\n').Single(static l => l.Contains("assemblies loaded: ", StringComparison.Ordinal));
        Assert.Contains("Anthropic", loaded, StringComparison.Ordinal);
        Assert.All(
            ["Markdig", "Microsoft.Identity.Client", "Microsoft.Extensions.VectorData.Abstractions"],
            unused => Assert.DoesNotContain(unused + ",", loaded + ",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SingleShot_WithoutTheVariable_WritesNoTrace()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.ScriptToolThenEcho("disk_get_os_info", "{}");

        var (exitCode, agent) = await _workspace.RunAsync("What OS is this?", "--quiet");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Equal(string.Empty, agent.Stderr);
    }

    /// <summary>The single-shot job with the trace on, answered by a tool call, on <paramref name="provider"/>'s wire.</summary>
    private async Task<AgentProcess> RunTracedAsync(string provider, bool underJit = false)
    {
        _workspace.WriteProviderEnv(provider);
        _workspace.ScriptToolThenEcho("disk_get_os_info", "{}");

        var (exitCode, agent) = await AgentProcess.RunAsync(
            _workspace.Directory, ["What OS is this?", "--quiet"], environment: new Dictionary<string, string> { ["SKMCPAGENT_TRACE_STARTUP"] = "1" }, underJit: underJit);
        Assert.True(exitCode == 0, agent.Stderr);
        Assert.StartsWith("Tool said: OS:", agent.Stdout, StringComparison.Ordinal);
        return agent;
    }

    [GeneratedRegex(@"^\[trace\s+(?<ms>[0-9.]+) ms\] (?<text>.*)$", RegexOptions.Multiline)]
    private static partial Regex TraceLine();
}
