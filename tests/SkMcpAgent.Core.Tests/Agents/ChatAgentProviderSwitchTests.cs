using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Agents;

/// <summary><see cref="ChatAgent.UseProvider"/>: the next turn goes to the new client, with the conversation so far.</summary>
public sealed class ChatAgentProviderSwitchTests
{
    [Fact]
    public async Task UseProvider_SendsTheNextTurnToTheNewClient_WithTheConversation_AndItsOwnModel()
    {
        var first = FakeChatClient.Scripted(Calls(Call("call:0", "f_ok")), Text("first answer"));
        var second = FakeChatClient.Scripted(Text("second answer"));
        var agent = TestAgent.Create(first, new FakeFunctionSource([FakeFunctions.Create(() => "done", "f_ok")]), new ChatAgentOptions(), new RecordingEventSink());
        await agent.RunAsync("first question", TestTimeouts.DefaultToken());
        agent.ModelId = "a-model-of-the-first-provider";

        agent.UseProvider(WithFunctionCalling(second), "Anthropic", maxFunctionsPerRequest: null);
        var response = await agent.RunAsync("second question", TestTimeouts.DefaultToken());

        Assert.Equal("second answer", response.Text);
        Assert.Equal(2, first.Requests.Count);
        var request = Assert.Single(second.Requests);
        Assert.Null(request.Options!.ModelId);
        Assert.Null(agent.ModelId);
        var messages = request.Messages;
        Assert.Contains(messages, static m => m.Role == ChatRole.User && m.Text == "first question");
        Assert.Contains(messages, static m => m.Role == ChatRole.Assistant && m.Text == "first answer");
        var callId = messages.SelectMany(static m => m.Contents).OfType<FunctionCallContent>().Single().CallId;
        Assert.Equal(callId, messages.SelectMany(static m => m.Contents).OfType<FunctionResultContent>().Single().CallId);
        Assert.Matches("^[A-Za-z0-9_-]+$", callId);
        Assert.Equal("second question", messages[^1].Text);
    }

    [Fact]
    public async Task UseProvider_AppliesTheNewProvidersFunctionLimit()
    {
        var functions = new FakeFunctionSource([.. Enumerable.Range(0, 129).Select(static i => FakeFunctions.Create(() => "ok", $"big_f{i}"))]);
        var unlimited = FakeChatClient.Scripted(Text("fine"));
        var agent = TestAgent.Create(unlimited, functions, new ChatAgentOptions { ProviderName = "Anthropic" }, new RecordingEventSink());
        await agent.RunAsync("hello", TestTimeouts.DefaultToken());
        Assert.Null(agent.FunctionLimitProblem());
        var limited = FakeChatClient.Scripted(Text("never"));

        agent.UseProvider(WithFunctionCalling(limited), "OpenAI", ProviderLimits.OpenAIMaxTools);

        Assert.Contains("129 would be sent, OpenAI accepts at most 128", agent.FunctionLimitProblem(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<AgentConfigurationException>(() => agent.RunAsync("again", TestTimeouts.DefaultToken()));
        Assert.Empty(limited.Requests);
    }

    [Fact]
    public void UseProvider_RefusesAClientThatDoesNotCallFunctions_AndKeepsTheOldOne()
    {
        var agent = TestAgent.Create(FakeChatClient.Scripted(Text("x")), new FakeFunctionSource([]), new ChatAgentOptions { ProviderName = "Old" }, new RecordingEventSink());

        Assert.Throws<ArgumentException>(() => agent.UseProvider(FakeChatClient.Scripted(Text("y")), "New", 1));

        Assert.Null(agent.FunctionLimitProblem());
    }

    private static IChatClient WithFunctionCalling(IChatClient client) =>
        Microsoft.SemanticKernel.KernelFunctionInvokingChatClientBuilderExtensions.UseKernelFunctionInvocation(client.AsBuilder()).Build();
}
