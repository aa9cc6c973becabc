using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Agents;

/// <summary>The function-calling loop as the agent runs it on Semantic Kernel: rounds, parallel calls, the round limit.</summary>
public sealed class ChatAgentFunctionCallingTests
{
    private const string Question = "Weather in Paris?";

    [Fact]
    public async Task RunAsync_RunsRequestedCallAndSendsResultBack_UntilModelAnswers()
    {
        var inner = FakeChatClient.Scripted(Calls(Call("c1", "weather_get_forecast", new { city = "Paris", days = 2 })), Text("Sunny."));
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.Forecast()), new ChatAgentOptions(), new RecordingEventSink());

        var response = await agent.RunAsync(Question, TestTimeouts.DefaultToken());

        Assert.Equal("Sunny.", response.Text);
        Assert.Equal([ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], response.Messages.Select(m => m.Role));
        Assert.Equal(2, inner.Requests.Count);
        Assert.Equal("Paris: sunny for 2 days", inner.Requests[1].ResultFor("c1"));
        Assert.Equal(ChatRole.Tool, inner.Requests[1].Messages[^1].Role);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], agent.History.Select(m => m.Role));
    }

    [Fact]
    public async Task RunAsync_RunsCallsConcurrently_WhenModelAsksForSeveralAtOnce()
    {
        // Each function finishes only once the other has started: run one after the other, they would hang.
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = FakeFunctions.Create(async () =>
        {
            firstStarted.SetResult();
            await secondStarted.Task.WaitAsync(TestTimeouts.Default);
            return "first done";
        }, "first");
        var second = FakeFunctions.Create(async () =>
        {
            secondStarted.SetResult();
            await firstStarted.Task.WaitAsync(TestTimeouts.Default);
            return "second done";
        }, "second");
        var inner = FakeChatClient.Scripted(Calls(Call("a", "local_first"), Call("b", "local_second")), Text("Both ran."));
        var agent = TestAgent.Create(inner, new FakeFunctionSource(first, second), new ChatAgentOptions(), new RecordingEventSink());

        await agent.RunAsync(Question, TestTimeouts.DefaultToken());

        Assert.Equal("first done", inner.Requests[1].ResultFor("a"));
        Assert.Equal("second done", inner.Requests[1].ResultFor("b"));
    }

    [Fact]
    public async Task RunAsync_AsksForFinalAnswerWithoutTools_WhenMaximumRoundsReached()
    {
        var calls = 0;
        var ping = FakeFunctions.Create(() => ++calls, "ping");
        var inner = new FakeChatClient
        {
            GetResponseAsyncCallback = (_, options, _) => Task.FromResult(
                options?.Tools is { Count: > 0 } ? Calls(Call($"c{calls}", "local_ping")) : Text("Here is what I found.")),
        };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(ping), new ChatAgentOptions { MaxRounds = 3 }, new RecordingEventSink());

        var response = await agent.RunAsync(Question, TestTimeouts.DefaultToken());

        Assert.Equal(3, calls);
        Assert.Equal(4, inner.Requests.Count);
        Assert.All(inner.Requests.Take(3), r => Assert.NotEmpty(r.Options?.Tools ?? []));
        var final = inner.Requests[^1];
        Assert.Empty(final.Options?.Tools ?? []);

        // The note rides on the last round's result, for the model only: the console shows the function's own result.
        Assert.Equal(ChatRole.Tool, final.Messages[^1].Role);
        var lastResult = final.ResultFor("c2");
        Assert.StartsWith("3\n", lastResult, StringComparison.Ordinal);
        Assert.Contains("limit of 3 function-calling rounds", lastResult, StringComparison.Ordinal);
        Assert.DoesNotContain("limit of 3", final.ResultFor("c1"), StringComparison.Ordinal);
        Assert.Equal("3", agent.LastTurnCalls[^1].Result);
        Assert.Equal("Here is what I found.", response.Messages[^1].Text);
        Assert.DoesNotContain(response.Messages, m => m.Text.Contains("limit of 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_AnswersCallsWithoutRunningThem_WhenModelIgnoresRemovedTools()
    {
        var calls = 0;
        var ping = FakeFunctions.Create(() => ++calls, "ping");
        var inner = new FakeChatClient { GetResponseAsyncCallback = (_, _, _) => Task.FromResult(Calls(Call(Guid.NewGuid().ToString(), "local_ping"))) };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(ping), new ChatAgentOptions { MaxRounds = 1 }, new RecordingEventSink());

        await agent.RunAsync(Question, TestTimeouts.DefaultToken());

        Assert.Equal(1, calls);
        Assert.Equal(2, inner.Requests.Count);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant, ChatRole.Tool], agent.History.Select(m => m.Role));
        var unanswered = Assert.IsType<FunctionCallContent>(Assert.Single(agent.History[3].Contents));
        var last = Assert.IsType<FunctionResultContent>(Assert.Single(agent.History[^1].Contents));
        Assert.Equal(unanswered.CallId, last.CallId);
        Assert.StartsWith("Not run: the maximum number", (string)last.Result!, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxRounds_Throws_WhenLessThanOne()
    {
        var agent = TestAgent.Create(new FakeChatClient(), new FakeFunctionSource(), new ChatAgentOptions(), new RecordingEventSink());

        Assert.Throws<ArgumentOutOfRangeException>(() => new ChatAgentOptions { MaxRounds = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => agent.MaxRounds = 0);
    }

    [Fact]
    public async Task MaxRounds_AppliesToTheNextTurn_WhenChangedOnTheAgent()
    {
        var calls = 0;
        var ping = FakeFunctions.Create(() => ++calls, "ping");
        var inner = new FakeChatClient
        {
            GetResponseAsyncCallback = (_, options, _) => Task.FromResult(
                options?.Tools is { Count: > 0 } ? Calls(Call($"c{calls}", "local_ping")) : Text("Done.")),
        };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(ping), new ChatAgentOptions { MaxRounds = 5 }, new RecordingEventSink());

        agent.MaxRounds = 2;
        await agent.RunAsync(Question, TestTimeouts.DefaultToken());

        Assert.Equal(2, calls);
        Assert.Contains("limit of 2 function-calling rounds", inner.Requests[^1].ResultFor("c1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PublishesStartedProgressFinished_InThatOrder()
    {
        var report = FakeFunctions.Create(() =>
        {
            FunctionCallScope.Current!.ReportProgress(1, 2, "half way");
            return "done";
        }, "disk_scan", "disk");
        var events = new RecordingEventSink();
        var agent = TestAgent.Create(FakeChatClient.Scripted(Calls(Call("c1", "disk_scan")), Text("ok")), new FakeFunctionSource(report), new ChatAgentOptions(), events);

        await agent.RunAsync(Question, TestTimeouts.DefaultToken());

        // A fake function is no MCP tool: only MCP plugins name a server (the integration tests cover those).
        Assert.Collection(
            events.Events,
            e => Assert.Equal(new { Id = "c1", Name = "disk_scan", Server = (string?)null }, new { Id = ((FunctionCallStarted)e).CallId, Name = ((FunctionCallStarted)e).FunctionName, Server = ((FunctionCallStarted)e).ServerName }),
            e => Assert.Equal(("c1", "half way"), (Assert.IsType<FunctionCallProgressed>(e).CallId, ((FunctionCallProgressed)e).Message)),
            e =>
            {
                var finished = Assert.IsType<FunctionCallFinished>(e);
                Assert.Equal("c1", finished.CallId);
                Assert.True(finished.Succeeded);
                Assert.Equal("done", finished.ResultText);
                Assert.Null(finished.ServerName);
            });
    }

    [Fact]
    public async Task RunAsync_SumsUsageOverRounds()
    {
        var inner = FakeChatClient.Scripted(
            new ChatResponse(new ChatMessage(ChatRole.Assistant, [Call("c1", "local_ping")])) { Usage = new() { InputTokenCount = 10, OutputTokenCount = 2 } },
            Text("done", new UsageDetails { InputTokenCount = 15, OutputTokenCount = 3 }));
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.Create(() => "pong", "ping")), new ChatAgentOptions(), new RecordingEventSink());

        var response = await agent.RunAsync(Question, TestTimeouts.DefaultToken());

        Assert.Equal(25, response.Usage?.InputTokenCount);
        Assert.Equal(5, response.Usage?.OutputTokenCount);
        Assert.Equal(25, agent.LastUsage?.InputTokenCount);
        Assert.Equal(5, agent.LastUsage?.OutputTokenCount);
    }
}
