using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>Ctrl+C while a real server is still working on a call: the turn ends, the server lives on.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class CancellationTests(IntegrationFixture fixture)
{
    public static TheoryData<LlmProvider, bool> ProvidersAndModes => ToolRoundTripTests.ProvidersAndModes;

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Turn_EndsPromptlyWithTheCallAnsweredAsCancelled_AndTheServerServesTheNextTurn_WhenCancelledDuringACall(LlmProvider provider, bool streaming)
    {
        var serverProcess = fixture.ProcessId("everything");
        Assert.NotNull(serverProcess);
        fixture.Script(_ => FakeLlmReply.ToolCalls(
            null, new FakeLlmToolCall("everything_trigger_long_running_operation", """{"duration":30,"steps":30}""", "call_long")));
        using var agent = AgentUnderTest.Create(fixture, provider);
        using var cancellation = new CancellationTokenSource(TestTimeouts.Default);

        var turn = agent.AskAsync("Run the long operation.", streaming, cancellation.Token);
        var progress = await agent.Events.WaitForAsync<FunctionCallProgressed>(p => p.CallId == "call_long");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(30, progress.Total);
        Assert.Single(fixture.Requests);
        var result = Assert.Single(agent.Agent.History.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Equal("call_long", result.CallId);
        Assert.StartsWith("Cancelled", result.Result?.ToString(), StringComparison.Ordinal);
        AssertEveryCallAnswered(agent);

        fixture.Script(
            _ => FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("everything_get_sum", """{"a":40,"b":2}""", "call_sum")),
            FakeAnswers.EchoToolResults);
        var answer = await agent.AskAsync("Then add 40 and 2.", streaming, TestTimeouts.DefaultToken());

        Assert.EndsWith("call_sum: The sum of 40 and 2 is 42.", answer, StringComparison.Ordinal);
        Assert.Equal(serverProcess, fixture.ProcessId("everything"));
        Assert.StartsWith("Cancelled", Wire.ToolResult(fixture.Requests[0], "call_long"), StringComparison.Ordinal);
        AssertEveryCallAnswered(agent);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Turn_AnswersEveryParallelCall_AndThrowsOperationCanceled_WhenCancelledWhileCallsRun(LlmProvider provider, bool streaming)
    {
        // One call finishes at once, the other is still running when the user presses Ctrl+C.
        fixture.Script(_ => FakeLlmReply.ToolCalls(
            null,
            new FakeLlmToolCall("everything_get_sum", """{"a":2,"b":3}""", "call_sum"),
            new FakeLlmToolCall("everything_trigger_long_running_operation", """{"duration":30,"steps":30}""", "call_long")));
        using var agent = AgentUnderTest.Create(fixture, provider);
        using var cancellation = new CancellationTokenSource(TestTimeouts.Default);

        var turn = agent.AskAsync("Add 2 and 3 and run the long operation.", streaming, cancellation.Token);
        await agent.Events.WaitForAsync<FunctionCallFinished>(f => f.CallId == "call_sum");
        await agent.Events.WaitForAsync<FunctionCallProgressed>(p => p.CallId == "call_long");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn.WaitAsync(TestTimeouts.Default));
        Assert.Single(fixture.Requests);
        var history = agent.Agent.History;
        Assert.Equal((ChatRole.User, "Add 2 and 3 and run the long operation."), (history[1].Role, history[1].Text));
        AssertEveryCallAnswered(agent);
        var results = history.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToDictionary(r => r.CallId, r => r.Result?.ToString());
        Assert.Equal(["call_long", "call_sum"], results.Keys.Order());
        Assert.StartsWith("Cancelled", results["call_long"], StringComparison.Ordinal);
    }

    /// <summary>Every call in the history has exactly one result, after it, as every provider requires.</summary>
    private static void AssertEveryCallAnswered(AgentUnderTest agent)
    {
        var history = agent.Agent.History;
        var calls = history.SelectMany((m, i) => m.Contents.OfType<FunctionCallContent>().Select(c => (c.CallId, Index: i))).ToList();
        var results = history.SelectMany((m, i) => m.Contents.OfType<FunctionResultContent>().Select(r => (r.CallId, Index: i))).ToList();
        Assert.Equal(calls.Select(c => c.CallId).Order(), results.Select(r => r.CallId).Order());
        Assert.All(calls, c => Assert.True(results.Single(r => r.CallId == c.CallId).Index > c.Index, $"{c.CallId} is answered before it was made."));
    }
}
