using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Agents;

public sealed class ChatAgentFunctionLimitTests
{
    private static ChatAgentOptions OpenAILike() => new() { MaxFunctionsPerRequest = ProviderLimits.OpenAIMaxTools, ProviderName = "OpenAI" };

    // 'big' offers most of them, 'small' the rest: the message must name the largest first.
    private static FakeFunctionSource Functions(int count) => new(
        [.. Enumerable.Range(0, count).Select(static i => FakeFunctions.Create(() => "ok", i < 100 ? $"big_f{i}" : $"small_f{i}"))]);

    [Fact]
    public async Task RunAsync_FailsWithoutSendingAnything_WhenFunctionsExceedTheProvidersLimit()
    {
        var inner = FakeChatClient.Scripted(Text("never"));
        var agent = TestAgent.Create(inner, Functions(129), OpenAILike(), new RecordingEventSink());

        var error = await Assert.ThrowsAsync<AgentConfigurationException>(() => agent.RunAsync("hello", TestTimeouts.DefaultToken()));

        Assert.Empty(inner.Requests);
        Assert.DoesNotContain(agent.History, static m => m.Role == ChatRole.User);
        Assert.Contains("129 would be sent, OpenAI accepts at most 128 per request (most: big 100, small 29)", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"allowedTools\" or \"excludedTools\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task RunStreamingAsync_FailsWithoutSendingAnything_WhenFunctionsExceedTheProvidersLimit()
    {
        var inner = FakeChatClient.Scripted(Text("never"));
        var agent = TestAgent.Create(inner, Functions(129), OpenAILike(), new RecordingEventSink());

        var error = await Assert.ThrowsAsync<AgentConfigurationException>(async () =>
        {
            await foreach (var _ in agent.RunStreamingAsync("hello", TestTimeouts.DefaultToken()))
            {
            }
        });

        Assert.Empty(inner.Requests);
        Assert.Contains("OpenAI accepts at most 128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SendsEveryFunction_WhenFunctionsReachTheLimitExactly()
    {
        var inner = FakeChatClient.Scripted(Text("fine"));
        var agent = TestAgent.Create(inner, Functions(128), OpenAILike(), new RecordingEventSink());

        var response = await agent.RunAsync("hello", TestTimeouts.DefaultToken());

        Assert.Equal("fine", response.Text);
        Assert.Equal(128, Assert.Single(inner.Requests).Options!.Tools!.Count);
    }

    [Fact]
    public async Task RunAsync_SendsEveryFunction_WhenTheProviderHasNoLimit()
    {
        var inner = FakeChatClient.Scripted(Text("fine"));
        var agent = TestAgent.Create(inner, Functions(129), new ChatAgentOptions(), new RecordingEventSink());

        await agent.RunAsync("hello", TestTimeouts.DefaultToken());

        Assert.Equal(129, Assert.Single(inner.Requests).Options!.Tools!.Count);
    }

    [Theory]
    [InlineData(LlmProvider.OpenAI, null, 128)]
    [InlineData(LlmProvider.OpenAI, "https://api.openai.com/v1/", 128)]
    [InlineData(LlmProvider.AzureOpenAI, "https://res.openai.azure.com/", 128)]
    [InlineData(LlmProvider.OpenAI, "http://localhost:11434/v1/", null)]
    [InlineData(LlmProvider.Anthropic, null, null)]
    public void MaxFunctionsPerRequest_IsTheProvidersDocumentedLimit_WhenKnown(LlmProvider provider, string? endpoint, int? expected)
    {
        var settings = new ProviderSettings { Provider = provider, Model = "m", Endpoint = endpoint is null ? null : new Uri(endpoint) };

        Assert.Equal(expected, ProviderLimits.MaxFunctionsPerRequest(settings));
    }
}
