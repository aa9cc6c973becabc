using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Agents;

/// <summary>After Ctrl+C the history must still be one a provider accepts: every call answered.</summary>
public sealed class ChatAgentCancellationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Turn_KeepsEveryCallAnswered_WhenCancelledDuringACall(bool streaming)
    {
        var started = new TaskCompletionSource();
        var observed = new TaskCompletionSource<bool>();
        var inner = HonouringCancellation(FakeChatClient.Scripted(Calls(Call("c1", "local_slow"))));
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.WaitsForCancellation("slow", started, observed)), new ChatAgentOptions(), new RecordingEventSink());
        using var cancellation = new CancellationTokenSource(TestTimeouts.Default);

        var turn = streaming ? DrainAsync(agent.RunStreamingAsync("Go", cancellation.Token)) : agent.RunAsync("Go", cancellation.Token);
        await started.Task.WaitAsync(TestTimeouts.Default);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn);
        Assert.True(await observed.Task.WaitAsync(TestTimeouts.Default));
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool], agent.History.Select(m => m.Role));
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(agent.History[2].Contents));
        Assert.Equal("c1", result.CallId);
        Assert.Equal("Cancelled: the user interrupted the turn before this call finished.", result.Result);
        Assert.False(Assert.Single(agent.LastTurnCalls).Succeeded);
    }

    [Fact]
    public async Task RunStreamingAsync_KeepsPartialAnswerMarked_WhenCancelledWhileStreaming()
    {
        using var cancellation = new CancellationTokenSource(TestTimeouts.Default);
        var inner = new FakeChatClient { GetStreamingResponseAsyncCallback = (_, _, ct) => HalfAnswerAsync(cancellation, ct) };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(), new ChatAgentOptions(), new RecordingEventSink());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DrainAsync(agent.RunStreamingAsync("Tell me a story", cancellation.Token)));

        Assert.Equal([ChatRole.User, ChatRole.Assistant], agent.History.Select(m => m.Role));
        Assert.Equal("Once upon\n[The user interrupted this answer.]", agent.History[1].Text);
    }

    [Fact]
    public async Task RunStreamingAsync_KeepsTheWordsAndLeavesNoUnansweredCall_WhenProviderFailsWhileSendingACall()
    {
        var ran = 0;
        var inner = new FakeChatClient { GetStreamingResponseAsyncCallback = (_, _, ct) => CallThenFailAsync(ct) };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.Create(() => ++ran, "ping")), new ChatAgentOptions(), new RecordingEventSink());

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => DrainAsync(agent.RunStreamingAsync("Go", TestTimeouts.DefaultToken())));

        Assert.Equal("connection reset", thrown.Message);
        Assert.Equal([ChatRole.User, ChatRole.Assistant], agent.History.Select(m => m.Role));
        Assert.Equal("Let me check.", agent.History[1].Text);

        // SK's function-invoking client holds a round's updates back from the first call on until the round's stream
        // ends, so a call cut off by the failure never reaches the agent: nothing ran, and nothing is left unanswered.
        var contents = agent.History.SelectMany(static m => m.Contents).ToList();
        Assert.Empty(contents.OfType<FunctionCallContent>());
        Assert.Empty(contents.OfType<FunctionResultContent>());
        Assert.Equal(0, ran);
        Assert.Empty(agent.LastTurnCalls);
    }

    /// <summary>
    /// Like every provider's client, refuses a request once its token is cancelled: SK's loop sends the request after
    /// the cancelled call, and that request is what ends the turn.
    /// </summary>
    private static FakeChatClient HonouringCancellation(FakeChatClient script) => new()
    {
        GetResponseAsyncCallback = (messages, options, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            return script.GetResponseAsync(messages, options, ct);
        },
        GetStreamingResponseAsyncCallback = (messages, options, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            return script.GetStreamingResponseAsync(messages, options, ct);
        },
    };

    private static async Task DrainAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        await foreach (var _ in updates)
        {
        }
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> HalfAnswerAsync(CancellationTokenSource cancellation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ChatResponseUpdate(ChatRole.Assistant, "Once ");
        await Task.Yield();
        yield return new ChatResponseUpdate(ChatRole.Assistant, "upon");
        await cancellation.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        yield return new ChatResponseUpdate(ChatRole.Assistant, " a time");
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> CallThenFailAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield return new ChatResponseUpdate(ChatRole.Assistant, "Let me check.");
        await Task.Yield();
        yield return new ChatResponseUpdate(ChatRole.Assistant, [Call("c9", "local_ping")]);
        throw new HttpRequestException("connection reset");
    }
}
