using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Chat;

public sealed class FunctionInvokingChatClientStreamingTests
{
    private static readonly ChatMessage[] s_question = [new(ChatRole.User, "Weather in Paris?")];

    [Fact]
    public async Task GetStreamingResponseAsync_PassesTextThroughInOrder_AcrossRounds()
    {
        var rounds = new Queue<ChatResponseUpdate[]>(
        [
            [Update("Let me "), Update("check. "), new ChatResponseUpdate(ChatRole.Assistant, [Call("c1", "weather_get_forecast", new { city = "Paris", days = 1 })])],
            [Update("Sunny "), Update("today.")],
        ]);
        var inner = new FakeChatClient { GetStreamingResponseAsyncCallback = (_, _, ct) => FakeChatClient.Stream(rounds.Dequeue(), ct) };
        using var client = new FunctionInvokingChatClient(inner);

        var seen = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync(s_question, new ChatOptions { Tools = [FakeFunctions.Forecast()] }, TestTimeouts.DefaultToken()))
        {
            seen.Add(Describe(update));
        }

        Assert.Equal(["Let me ", "check. ", "call c1", "result c1: Paris: sunny for 1 days", "Sunny ", "today."], seen);
        Assert.Equal("Paris: sunny for 1 days", inner.Requests[1].ResultFor("c1"));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_RebuildsIntoSeparateMessages_WhenProviderSendsRoleOnlyOnce()
    {
        // Like OpenAI: the role comes with the first chunk only, and there are no message ids.
        var rounds = new Queue<ChatResponseUpdate[]>(
        [
            [new ChatResponseUpdate(ChatRole.Assistant, "Checking."), new ChatResponseUpdate { Contents = [Call("c1", "ping")] }],
            [new ChatResponseUpdate(ChatRole.Assistant, "Pong "), new ChatResponseUpdate { Contents = [new TextContent("received.")] }],
        ]);
        var inner = new FakeChatClient { GetStreamingResponseAsyncCallback = (_, _, ct) => FakeChatClient.Stream(rounds.Dequeue(), ct) };
        using var client = new FunctionInvokingChatClient(inner);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(s_question, new ChatOptions { Tools = [FakeFunctions.Create(() => "pong", "ping")] }, TestTimeouts.DefaultToken()))
        {
            updates.Add(update);
        }

        var messages = updates.ToChatResponse().Messages;
        Assert.Equal([ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], messages.Select(m => m.Role));
        Assert.Equal("Pong received.", messages[2].Text);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_YieldsCancelledResultsThenThrows_WhenCancelledDuringCall()
    {
        var started = new TaskCompletionSource();
        var observed = new TaskCompletionSource<bool>();
        var slow = FakeFunctions.WaitsForCancellation("slow", started, observed);
        var inner = FakeChatClient.Scripted(Calls(Call("c1", "slow")));
        using var client = new FunctionInvokingChatClient(inner);
        using var cancellation = new CancellationTokenSource(TestTimeouts.Default);

        var updates = new List<ChatResponseUpdate>();
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(s_question, new ChatOptions { Tools = [slow] }, cancellation.Token))
            {
                updates.Add(update);
                if (update.Contents.OfType<FunctionCallContent>().Any())
                {
                    _ = started.Task.ContinueWith(_ => cancellation.Cancel(), TaskScheduler.Default);
                }
            }
        });

        Assert.True(await observed.Task.WaitAsync(TestTimeouts.Default));
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(updates[^1].Contents));
        Assert.Equal("c1", result.CallId);
        Assert.StartsWith("Cancelled", (string)result.Result!, StringComparison.Ordinal);
        Assert.Equal(cancellation.Token, thrown.CancellationToken);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamsFinalAnswerWithToolsDisabled_WhenMaximumRoundsReached()
    {
        var calls = 0;
        var ping = FakeFunctions.Create(() => ++calls, "ping");
        var inner = new FakeChatClient
        {
            GetStreamingResponseAsyncCallback = (_, options, ct) => FakeChatClient.Stream(
                options?.ToolMode is NoneChatToolMode
                    ? [Update("Out of rounds.")]
                    : [new ChatResponseUpdate(ChatRole.Assistant, [Call($"c{calls}", "ping")])],
                ct),
        };
        using var client = new FunctionInvokingChatClient(inner) { MaximumIterationsPerRequest = 2 };

        var seen = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync(s_question, new ChatOptions { Tools = [ping] }, TestTimeouts.DefaultToken()))
        {
            seen.Add(Describe(update));
        }

        Assert.Equal(["call c0", "result c0: 1", "call c1", "result c1: 2", "Out of rounds."], seen);
        Assert.Equal(3, inner.Requests.Count);
        Assert.Contains("limit of 2 function-calling rounds", inner.Requests[2].Messages[^1].Text, StringComparison.Ordinal);
    }

    private static ChatResponseUpdate Update(string text) => new(ChatRole.Assistant, text);

    private static string Describe(ChatResponseUpdate update) => update.Contents.Single() switch
    {
        TextContent text => text.Text,
        FunctionCallContent call => $"call {call.CallId}",
        FunctionResultContent result => $"result {result.CallId}: {result.Result}",
        var other => other.GetType().Name,
    };
}
