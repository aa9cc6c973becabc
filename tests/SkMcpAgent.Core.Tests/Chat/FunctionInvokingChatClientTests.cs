using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Chat;

public sealed class FunctionInvokingChatClientTests
{
    private static readonly ChatMessage[] s_question = [new(ChatRole.User, "Weather in Paris?")];

    [Fact]
    public async Task GetResponseAsync_RunsRequestedCallAndSendsResultBack_UntilModelAnswers()
    {
        var inner = FakeChatClient.Scripted(Calls(Call("c1", "weather_get_forecast", new { city = "Paris", days = 2 })), Text("Sunny."));
        using var client = new FunctionInvokingChatClient(inner);

        var response = await client.GetResponseAsync(s_question, new ChatOptions { Tools = [FakeFunctions.Forecast()] }, TestTimeouts.DefaultToken());

        Assert.Equal("Sunny.", response.Text);
        Assert.Equal([ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], response.Messages.Select(m => m.Role));
        Assert.Equal(2, inner.Requests.Count);
        Assert.Equal("Paris: sunny for 2 days", inner.Requests[1].ResultFor("c1"));
        Assert.Equal(ChatRole.Tool, inner.Requests[1].Messages[^1].Role);
    }

    [Fact]
    public async Task GetResponseAsync_RunsCallsConcurrently_WhenModelAsksForSeveralAtOnce()
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
        var inner = FakeChatClient.Scripted(Calls(Call("a", "first"), Call("b", "second")), Text("Both ran."));
        using var client = new FunctionInvokingChatClient(inner);

        await client.GetResponseAsync(s_question, new ChatOptions { Tools = [first, second] }, TestTimeouts.DefaultToken());

        Assert.Equal("first done", inner.Requests[1].ResultFor("a"));
        Assert.Equal("second done", inner.Requests[1].ResultFor("b"));
    }

    [Fact]
    public async Task GetResponseAsync_AsksForFinalAnswerWithToolsDisabled_WhenMaximumRoundsReached()
    {
        var calls = 0;
        var ping = FakeFunctions.Create(() => ++calls, "ping");
        var inner = new FakeChatClient
        {
            GetResponseAsyncCallback = (_, options, _) => Task.FromResult(
                options?.ToolMode is NoneChatToolMode ? Text("Here is what I found.") : Calls(Call($"c{calls}", "ping"))),
        };
        using var client = new FunctionInvokingChatClient(inner) { MaximumIterationsPerRequest = 3 };

        var response = await client.GetResponseAsync(s_question, new ChatOptions { Tools = [ping] }, TestTimeouts.DefaultToken());

        Assert.Equal(3, calls);
        Assert.Equal(4, inner.Requests.Count);
        var final = inner.Requests[^1];
        Assert.IsType<NoneChatToolMode>(final.Options?.ToolMode);
        Assert.Contains("limit of 3 function-calling rounds", final.Messages[^1].Text, StringComparison.Ordinal);
        Assert.Equal("Here is what I found.", response.Messages[^1].Text);
        Assert.DoesNotContain(response.Messages, m => m.Text.Contains("limit of 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetResponseAsync_AnswersCallsWithoutRunningThem_WhenModelIgnoresDisabledTools()
    {
        var calls = 0;
        var ping = FakeFunctions.Create(() => ++calls, "ping");
        var inner = new FakeChatClient { GetResponseAsyncCallback = (_, _, _) => Task.FromResult(Calls(Call(Guid.NewGuid().ToString(), "ping"))) };
        using var client = new FunctionInvokingChatClient(inner) { MaximumIterationsPerRequest = 1 };

        var response = await client.GetResponseAsync(s_question, new ChatOptions { Tools = [ping] }, TestTimeouts.DefaultToken());

        Assert.Equal(1, calls);
        var last = Assert.IsType<FunctionResultContent>(Assert.Single(response.Messages[^1].Contents));
        Assert.StartsWith("Not run: the maximum number", (string)last.Result!, StringComparison.Ordinal);
    }

    [Fact]
    public void MaximumIterationsPerRequest_Throws_WhenLessThanOne()
    {
        using var client = new FunctionInvokingChatClient(new FakeChatClient());

        Assert.Throws<ArgumentOutOfRangeException>(() => client.MaximumIterationsPerRequest = 0);
    }

    [Fact]
    public async Task GetResponseAsync_PublishesStartedProgressFinished_InThatOrder()
    {
        var report = FakeFunctions.Create(() =>
        {
            FunctionCallScope.Current!.ReportProgress(1, 2, "half way");
            return "done";
        }, "disk_scan", "disk");
        var events = new RecordingEventSink();
        using var client = new FunctionInvokingChatClient(FakeChatClient.Scripted(Calls(Call("c1", "disk_scan")), Text("ok")), events);

        await client.GetResponseAsync(s_question, new ChatOptions { Tools = [report] }, TestTimeouts.DefaultToken());

        Assert.Collection(
            events.Events,
            e => Assert.Equal(new { Id = "c1", Server = (string?)"disk" }, new { Id = ((FunctionCallStarted)e).CallId, Server = ((FunctionCallStarted)e).ServerName }),
            e => Assert.Equal("half way", Assert.IsType<FunctionCallProgressed>(e).Message),
            e =>
            {
                var finished = Assert.IsType<FunctionCallFinished>(e);
                Assert.True(finished.Succeeded);
                Assert.Equal("done", finished.ResultText);
                Assert.Equal("disk", finished.ServerName);
            });
    }

    [Fact]
    public async Task GetResponseAsync_SumsUsageOverRounds()
    {
        var inner = FakeChatClient.Scripted(
            new ChatResponse(new ChatMessage(ChatRole.Assistant, [Call("c1", "ping")])) { Usage = new() { InputTokenCount = 10, OutputTokenCount = 2 } },
            Text("done", new UsageDetails { InputTokenCount = 15, OutputTokenCount = 3 }));
        using var client = new FunctionInvokingChatClient(inner);

        var response = await client.GetResponseAsync(s_question, new ChatOptions { Tools = [FakeFunctions.Create(() => "pong", "ping")] }, TestTimeouts.DefaultToken());

        Assert.Equal(25, response.Usage?.InputTokenCount);
        Assert.Equal(5, response.Usage?.OutputTokenCount);
    }
}
