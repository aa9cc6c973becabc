using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Agents;

/// <summary>
/// An agent whose provider client is still being built (the REPL builds it while the prompt shows): the first turn
/// waits for it, and a client that could not be built fails the turn, not the session.
/// </summary>
public sealed class ChatAgentPendingClientTests
{
    [Fact]
    public async Task FirstTurn_WaitsForTheClient_ThenCallsFunctionsWithTheRoundLimitSetBefore()
    {
        var built = new TaskCompletionSource<IChatClient>(TaskCreationOptions.RunContinuationsAsynchronously);
        var agent = Create(built.Task, new FakeFunctionSource([FakeFunctions.Create(() => "done", "f_ok")]));
        agent.MaxRounds = 3;

        var turn = agent.RunAsync("question", TestTimeouts.DefaultToken());
        Assert.False(turn.IsCompleted);
        var model = FakeChatClient.Scripted(Calls(Call("call_1", "f_ok")), Text("answer"));
        built.SetResult(WithFunctionCalling(model));
        var response = await turn;

        Assert.Equal("answer", response.Text);
        Assert.Equal(2, model.Requests.Count);
        Assert.Contains(model.Requests[1].Messages, static m => m.Contents.OfType<Microsoft.Extensions.AI.FunctionResultContent>().Any(r => r.Result?.ToString() == "done"));

        // The limit set while the client was pending now lives in its function-calling loop.
        Assert.Equal(3, agent.MaxRounds);
    }

    [Fact]
    public async Task AClientThatCouldNotBeBuilt_FailsEachTurnWithItsReason_AndTheHistoryStaysAsItWas()
    {
        var agent = Create(Task.FromException<IChatClient>(new InvalidOperationException("no client: bad endpoint")), new FakeFunctionSource([]));
        var before = agent.History.Count;

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => agent.RunAsync("question", TestTimeouts.DefaultToken()));
        var second = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in agent.RunStreamingAsync("again", TestTimeouts.DefaultToken()))
            {
            }
        });

        Assert.Equal("no client: bad endpoint", first.Message);
        Assert.Equal("no client: bad endpoint", second.Message);
        Assert.Equal(before, agent.History.Count);
    }

    [Fact]
    public async Task UseProvider_BeforeTheClientIsBuilt_WinsOverIt()
    {
        var built = new TaskCompletionSource<IChatClient>(TaskCreationOptions.RunContinuationsAsynchronously);
        var agent = Create(built.Task, new FakeFunctionSource([]));
        var switched = FakeChatClient.Scripted(Text("from the switched provider"));
        agent.UseProvider(WithFunctionCalling(switched), "Other", maxFunctionsPerRequest: null);
        built.SetResult(WithFunctionCalling(FakeChatClient.Scripted(Text("never"))));

        var response = await agent.RunAsync("question", TestTimeouts.DefaultToken());

        Assert.Equal("from the switched provider", response.Text);
    }

    private static ChatAgent Create(Task<IChatClient> pending, FakeFunctionSource functions)
    {
        var builder = Kernel.CreateBuilder();
        foreach (var plugin in functions.CreatePlugins())
        {
            builder.Plugins.Add(plugin);
        }

        return new ChatAgent(builder.Build(), pending, new ChatAgentOptions(), new RecordingEventSink());
    }

    private static IChatClient WithFunctionCalling(IChatClient client) =>
        KernelFunctionInvokingChatClientBuilderExtensions.UseKernelFunctionInvocation(client.AsBuilder()).Build();
}
