using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Chat;

public sealed class FunctionInvokingChatClientCancellationTests
{
    private static readonly ChatMessage[] s_question = [new(ChatRole.User, "Go")];

    [Fact]
    public async Task GetResponseAsync_CancelsInFlightCallsAndAnswersEveryCall_WhenTurnIsCancelled()
    {
        var firstStarted = new TaskCompletionSource();
        var secondStarted = new TaskCompletionSource();
        var firstCancelled = new TaskCompletionSource<bool>();
        var secondCancelled = new TaskCompletionSource<bool>();
        var inner = FakeChatClient.Scripted(Calls(Call("a", "first"), Call("b", "second")));
        var events = new RecordingEventSink();
        using var client = new FunctionInvokingChatClient(inner, events);
        using var cancellation = new CancellationTokenSource(TestTimeouts.Default);
        var tools = new ChatOptions
        {
            Tools = [FakeFunctions.WaitsForCancellation("first", firstStarted, firstCancelled), FakeFunctions.WaitsForCancellation("second", secondStarted, secondCancelled)],
        };

        var turn = client.GetResponseAsync(s_question, tools, cancellation.Token);
        await Task.WhenAll(firstStarted.Task, secondStarted.Task).WaitAsync(TestTimeouts.Default);
        await cancellation.CancelAsync();
        var thrown = await Assert.ThrowsAsync<TurnCanceledException>(() => turn);

        Assert.True(await firstCancelled.Task.WaitAsync(TestTimeouts.Default));
        Assert.True(await secondCancelled.Task.WaitAsync(TestTimeouts.Default));
        Assert.Equal([ChatRole.Assistant, ChatRole.Tool], thrown.Messages.Select(m => m.Role));
        var results = thrown.Messages[1].Contents.Cast<FunctionResultContent>().ToList();
        Assert.Equal(["a", "b"], results.Select(r => r.CallId));
        Assert.All(results, r => Assert.Equal("Cancelled: the user interrupted the turn before this call finished.", r.Result));
        Assert.All(events.Events.OfType<FunctionCallFinished>(), f => Assert.False(f.Succeeded));
        Assert.Equal(2, events.Events.OfType<FunctionCallFinished>().Count());
    }

    [Fact]
    public async Task GetResponseAsync_ThrowsPlainCancellation_WhenCancelledBeforeAnyRound()
    {
        var inner = new FakeChatClient { GetResponseAsyncCallback = (_, _, ct) => Task.FromCanceled<ChatResponse>(ct) };
        using var client = new FunctionInvokingChatClient(inner);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(s_question, null, cancellation.Token));

        Assert.IsNotType<TurnCanceledException>(thrown);
    }
}
