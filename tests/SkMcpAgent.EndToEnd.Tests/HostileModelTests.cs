using System.Text.Json;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary>Models that misbehave: a response stream cut off before its end, calls after the round limit.</summary>
[Collection(AgentProcessGroup.Name)]
public sealed class HostileModelTests : IAsyncLifetime
{
    private AgentWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await AgentWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Theory]
    [InlineData("openai", FakeLlmCut.MidArguments)]
    [InlineData("openai", FakeLlmCut.BeforeFinish)]
    [InlineData("azure", FakeLlmCut.MidArguments)]
    [InlineData("anthropic", FakeLlmCut.MidArguments)]
    [InlineData("anthropic", FakeLlmCut.BeforeFinish)]
    public async Task SingleShot_ExitsOneWithOneLineAndRunsNothing_WhenTheStreamIsCutInACall(string provider, FakeLlmCut cut)
    {
        _workspace.WriteProviderEnv(provider);
        _workspace.Llm.Responder = request => request.ToolResults().Count == 0
            ? FakeLlmReply.ToolCalls(("disk_get_disk_usage", """{"path":"/"}""")) with { Cut = cut }
            : FakeLlmReply.Text("The tool ran.");

        var (exitCode, agent) = await _workspace.RunAsync("How full is /?");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        AssertOneErrorLine(agent.Stderr, "response stream from");
        Assert.Equal(string.Empty, agent.Stdout);
        Assert.Single(_workspace.Llm.Requests);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("anthropic")]
    public async Task SingleShot_ExitsOneWithOneLine_WhenTheAnswerTextIsCut(string provider)
    {
        _workspace.WriteProviderEnv(provider);
        _workspace.Llm.Responder = _ => FakeLlmReply.Text("The disk is half full.") with { Cut = FakeLlmCut.MidText };

        var (exitCode, agent) = await _workspace.RunAsync("How full is /?");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        AssertOneErrorLine(agent.Stderr, "was cut off before it ended");
        Assert.DoesNotContain("half full.", agent.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_ExitsOneWithTheErrorObject_WhenTheResponseBodyIsCut()
    {
        _workspace.WriteProviderEnv("openai");
        _workspace.Llm.Responder = _ => FakeLlmReply.ToolCalls(("disk_get_disk_usage", """{"path":"/"}""")) with { Cut = FakeLlmCut.BeforeFinish };

        var (exitCode, agent) = await _workspace.RunAsync("--json", "How full is /?");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(agent.Stdout);
        Assert.Equal(1, document.RootElement.GetProperty("error").GetProperty("exitCode").GetInt32());
        Assert.Single(_workspace.Llm.Requests);
    }

    [Fact]
    public async Task SingleShot_ExitsOneSayingCallsWereNotRun_WhenTheModelKeepsCallingAfterTheRoundLimit()
    {
        _workspace.WriteProviderEnv("openai");
        _workspace.Llm.Responder = _ => FakeLlmReply.ToolCalls(("disk_get_os_info", "{}"));

        var (exitCode, agent) = await _workspace.RunAsync("--max-rounds", "1", "What OS is this?");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        AssertOneErrorLine(agent.Stderr, "after the limit of 1 function-calling rounds (--max-rounds)");
        Assert.Equal(2, _workspace.Llm.Requests.Count);
    }

    [Fact]
    public async Task Json_ReportsMaxRoundsStopReasonAndExitsOne_WhenTheModelKeepsCallingAfterTheRoundLimit()
    {
        _workspace.WriteProviderEnv("anthropic");
        _workspace.Llm.Responder = _ => FakeLlmReply.ToolCalls(("disk_get_os_info", "{}"));

        var (exitCode, agent) = await _workspace.RunAsync("--json", "--max-rounds", "1", "What OS is this?");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        AssertOneErrorLine(agent.Stderr, "it was not run, and the model gave no answer");
        using var document = JsonDocument.Parse(agent.Stdout);
        Assert.Equal("maxRounds", document.RootElement.GetProperty("stopReason").GetString());
        Assert.Equal("", document.RootElement.GetProperty("answer").GetString());
        Assert.Single(document.RootElement.GetProperty("toolCalls").EnumerateArray());
    }

    [Fact]
    public async Task Json_ReportsAnsweredStopReasonAndExitsZero_WhenTheModelAnswers()
    {
        _workspace.WriteProviderEnv("openai");
        _workspace.ScriptToolThenEcho("disk_get_os_info", "{}");

        var (exitCode, agent) = await _workspace.RunAsync("--json", "--max-rounds", "1", "What OS is this?");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        using var document = JsonDocument.Parse(agent.Stdout);
        Assert.Equal("answered", document.RootElement.GetProperty("stopReason").GetString());
    }

    private static void AssertOneErrorLine(string stderr, string expected)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var error = Assert.Single(lines, static l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
