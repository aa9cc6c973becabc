using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Agents;

/// <summary>The streaming turn: text as it comes, calls and their results in between, across rounds.</summary>
public sealed class ChatAgentStreamingTests
{
    private const string Question = "Weather in Paris?";

    [Fact]
    public async Task RunStreamingAsync_PassesTextThroughInOrder_AcrossRounds()
    {
        var rounds = new Queue<ChatResponseUpdate[]>(
        [
            [Update("Let me "), Update("check. "), new ChatResponseUpdate(ChatRole.Assistant, [Call("c1", "weather_get_forecast", new { city = "Paris", days = 1 })])],
            [Update("Sunny "), Update("today.")],
        ]);
        var inner = new FakeChatClient { GetStreamingResponseAsyncCallback = (_, _, ct) => FakeChatClient.Stream(rounds.Dequeue(), ct) };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.Forecast()), new ChatAgentOptions(), new RecordingEventSink());

        var seen = new List<string>();
        await foreach (var update in agent.RunStreamingAsync(Question, TestTimeouts.DefaultToken()))
        {
            seen.Add(Describe(update));
        }

        Assert.Equal(["Let me ", "check. ", "call c1", "result c1: Paris: sunny for 1 days", "Sunny ", "today."], seen);
        Assert.Equal("Paris: sunny for 1 days", inner.Requests[1].ResultFor("c1"));
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], agent.History.Select(m => m.Role));
        Assert.Equal("Sunny today.", agent.History[^1].Text);
    }

    [Fact]
    public async Task RunStreamingAsync_RebuildsIntoSeparateMessages_WhenProviderSendsRoleOnlyOnce()
    {
        // Like OpenAI: the role comes with the first chunk only, and there are no message ids.
        var rounds = new Queue<ChatResponseUpdate[]>(
        [
            [new ChatResponseUpdate(ChatRole.Assistant, "Checking."), new ChatResponseUpdate { Contents = [Call("c1", "local_ping")] }],
            [new ChatResponseUpdate(ChatRole.Assistant, "Pong "), new ChatResponseUpdate { Contents = [new TextContent("received.")] }],
        ]);
        var inner = new FakeChatClient { GetStreamingResponseAsyncCallback = (_, _, ct) => FakeChatClient.Stream(rounds.Dequeue(), ct) };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.Create(() => "pong", "ping")), new ChatAgentOptions(), new RecordingEventSink());

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in agent.RunStreamingAsync(Question, TestTimeouts.DefaultToken()))
        {
            updates.Add(update);
        }

        var messages = updates.ToChatResponse().Messages;
        Assert.Equal([ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], messages.Select(m => m.Role));
        Assert.Equal("Pong received.", messages[2].Text);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], agent.History.Select(m => m.Role));
        Assert.Equal("Pong received.", agent.History[^1].Text);
    }

    [Fact]
    public async Task RunStreamingAsync_YieldsCancelledResultsThenThrows_WhenCancelledDuringCall()
    {
        var started = new TaskCompletionSource();
        var observed = new TaskCompletionSource<bool>();
        var slow = FakeFunctions.WaitsForCancellation("slow", started, observed);
        var inner = new FakeChatClient { GetStreamingResponseAsyncCallback = (_, _, ct) => CallOnceAsync(Call("c1", "local_slow"), ct) };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(slow), new ChatAgentOptions(), new RecordingEventSink());
        using var cancellation = new CancellationTokenSource(TestTimeouts.Default);

        var updates = new List<ChatResponseUpdate>();
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in agent.RunStreamingAsync("Go", cancellation.Token))
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
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool], agent.History.Select(m => m.Role));
    }

    [Fact]
    public async Task RunStreamingAsync_StreamsFinalAnswerWithoutTools_WhenMaximumRoundsReached()
    {
        var calls = 0;
        var ping = FakeFunctions.Create(() => ++calls, "ping");
        var inner = new FakeChatClient
        {
            GetStreamingResponseAsyncCallback = (_, options, ct) => FakeChatClient.Stream(
                options?.Tools is { Count: > 0 }
                    ? [new ChatResponseUpdate(ChatRole.Assistant, [Call($"c{calls}", "local_ping")])]
                    : [Update("Out of rounds.")],
                ct),
        };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(ping), new ChatAgentOptions { MaxRounds = 2 }, new RecordingEventSink());

        var seen = new List<string>();
        await foreach (var update in agent.RunStreamingAsync(Question, TestTimeouts.DefaultToken()))
        {
            seen.Add(Describe(update));
        }

        // The model reads the round-limit note with the last round's result.
        var note = "\n[Note from the agent] The limit of 2 function-calling rounds for this turn was reached, so functions are disabled now. Answer the user with what you have, and say what is still missing.";
        Assert.Equal(["call c0", "result c0: 1", "call c1", "result c1: 2" + note, "Out of rounds."], seen);
        Assert.Equal(3, inner.Requests.Count);
        Assert.Empty(inner.Requests[2].Options?.Tools ?? []);
        Assert.Equal("2" + note, inner.Requests[2].ResultFor("c1"));
        Assert.Equal("Out of rounds.", agent.History[^1].Text);
    }

    private static ChatResponseUpdate Update(string text) => new(ChatRole.Assistant, text);

    private static string Describe(ChatResponseUpdate update) => update.Contents.Single() switch
    {
        TextContent text => text.Text,
        FunctionCallContent call => $"call {call.CallId}",
        FunctionResultContent result => $"result {result.CallId}: {result.Result}",
        var other => other.GetType().Name,
    };

    // One response with the call; a real provider honours a cancelled token on the next request.
    private static async IAsyncEnumerable<ChatResponseUpdate> CallOnceAsync(FunctionCallContent call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield return new ChatResponseUpdate(ChatRole.Assistant, [call]);
    }
}
