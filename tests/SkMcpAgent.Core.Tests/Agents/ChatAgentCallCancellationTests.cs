using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Agents;

/// <summary>Ctrl+C during calls: every call in flight is cancelled and answered, and the turn ends.</summary>
public sealed class ChatAgentCallCancellationTests
{
    private const string CancelledText = "Cancelled: the user interrupted the turn before this call finished.";

    [Fact]
    public async Task RunAsync_CancelsInFlightCallsAndAnswersEveryCall_WhenTurnIsCancelled()
    {
        var firstStarted = new TaskCompletionSource();
        var secondStarted = new TaskCompletionSource();
        var firstCancelled = new TaskCompletionSource<bool>();
        var secondCancelled = new TaskCompletionSource<bool>();
        // A real provider honours the cancelled token when the loop sends the cancelled results back.
        var inner = new FakeChatClient
        {
            GetResponseAsyncCallback = (_, _, ct) => ct.IsCancellationRequested
                ? Task.FromCanceled<ChatResponse>(ct)
                : Task.FromResult(Calls(Call("a", "local_first"), Call("b", "local_second"))),
        };
        var events = new RecordingEventSink();
        var functions = new FakeFunctionSource(
            FakeFunctions.WaitsForCancellation("first", firstStarted, firstCancelled),
            FakeFunctions.WaitsForCancellation("second", secondStarted, secondCancelled));
        var agent = TestAgent.Create(inner, functions, new ChatAgentOptions(), events);
        using var cancellation = new CancellationTokenSource(TestTimeouts.Default);

        var turn = agent.RunAsync("Go", cancellation.Token);
        await Task.WhenAll(firstStarted.Task, secondStarted.Task).WaitAsync(TestTimeouts.Default);
        await cancellation.CancelAsync();
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn);

        Assert.Equal(cancellation.Token, thrown.CancellationToken);
        Assert.True(await firstCancelled.Task.WaitAsync(TestTimeouts.Default));
        Assert.True(await secondCancelled.Task.WaitAsync(TestTimeouts.Default));
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool], agent.History.Select(m => m.Role));
        var results = agent.History.Skip(2).SelectMany(m => m.Contents).Cast<FunctionResultContent>().ToList();
        Assert.Equal(["a", "b"], results.Select(r => r.CallId).Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.Equal(CancelledText, r.Result));
        var finished = events.Events.OfType<FunctionCallFinished>().ToList();
        Assert.Equal(2, finished.Count);
        Assert.All(finished, f => Assert.False(f.Succeeded));
        Assert.All(finished, f => Assert.Equal(CancelledText, f.ResultText));
        Assert.Equal(2, agent.LastTurnCalls.Count);
        Assert.Equal(2, inner.Requests.Count);
        Assert.All(inner.Requests[1].Results, r => Assert.Equal(CancelledText, r.Result));
    }

    [Fact]
    public async Task RunAsync_KeepsOnlyTheUserMessage_WhenCancelledBeforeAnyRound()
    {
        var inner = new FakeChatClient { GetResponseAsyncCallback = (_, _, ct) => Task.FromCanceled<ChatResponse>(ct) };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.Create(() => "pong", "ping")), new ChatAgentOptions(), new RecordingEventSink());
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => agent.RunAsync("Go", cancellation.Token));

        Assert.Equal(cancellation.Token, thrown.CancellationToken);
        Assert.Equal([ChatRole.User], agent.History.Select(m => m.Role));
        Assert.Empty(agent.LastTurnCalls);
    }
}
