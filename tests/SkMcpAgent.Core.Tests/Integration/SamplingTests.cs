using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>A server's sampling request, made during a tool call, answered by the active provider's client.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class SamplingTests(IntegrationFixture fixture)
{
    private const string SamplingPrompt = "Resource trigger-sampling-request context: name a colour";

    [Theory]
    [InlineData(LlmProvider.AzureOpenAI)]
    [InlineData(LlmProvider.OpenAI)]
    [InlineData(LlmProvider.Anthropic)]
    public async Task SamplingRequest_IsAnsweredByTheActiveProvider_AndItsAnswerReachesTheToolResult(LlmProvider provider)
    {
        fixture.Script(
            _ => FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("everything_trigger_sampling_request", """{"prompt":"name a colour","maxTokens":50}""", "call_sampling")),
            request => request.Tools.Count == 0 && request.LastUserText() == SamplingPrompt
                ? FakeLlmReply.Text("teal, from the sampled model")
                : FakeLlmReply.Error(400, message: "Expected the server's sampling request here."),
            FakeAnswers.EchoToolResults);
        using var agent = AgentUnderTest.Create(fixture, provider);

        var answer = await agent.AskAsync("Ask the server to sample.", streaming: false, TestTimeouts.DefaultToken());

        var requests = fixture.Requests;
        Assert.Equal(3, requests.Count);
        var sampling = requests[1];
        Assert.Equal(Wire.ExpectedPath(sampling.Protocol), sampling.Path);
        Assert.Equal(SamplingPrompt, sampling.LastUserText());
        Assert.Contains("You are a helpful test server.", sampling.Body!.ToJsonString(), StringComparison.Ordinal);
        var maxTokens = sampling.Body!["max_completion_tokens"] ?? sampling.Body!["max_tokens"];
        Assert.Equal(50, maxTokens?.GetValue<int>());

        var result = Wire.ToolResult(requests[2], "call_sampling");
        Assert.Contains("LLM sampling result", result, StringComparison.Ordinal);
        Assert.Contains("teal, from the sampled model", result, StringComparison.Ordinal);
        Assert.Contains("teal, from the sampled model", answer, StringComparison.Ordinal);
        Assert.True(Assert.Single(agent.Agent.LastTurnCalls).Succeeded);
    }

    [Theory]
    [InlineData(LlmProvider.OpenAI)]
    [InlineData(LlmProvider.Anthropic)]
    public async Task SamplingFailure_ReachesTheModelAsAToolError_WithoutTheKey_WhenTheProviderRejectsTheSamplingRequest(LlmProvider provider)
    {
        fixture.Script(
            _ => FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("everything_trigger_sampling_request", """{"prompt":"name a colour","maxTokens":50}""", "call_sampling")),
            _ => FakeLlmReply.Error(401, message: $"Incorrect API key provided: {IntegrationFixture.ApiKey}."),
            FakeAnswers.EchoToolResults);
        using var agent = AgentUnderTest.Create(fixture, provider);

        var answer = await agent.AskAsync("Ask the server to sample.", streaming: false, TestTimeouts.DefaultToken());

        Assert.Equal(3, fixture.Requests.Count);
        var result = Wire.ToolResult(fixture.Requests[2], "call_sampling");
        Assert.StartsWith("call_sampling: ", answer, StringComparison.Ordinal);
        Assert.False(Assert.Single(agent.Agent.LastTurnCalls).Succeeded, result);
        Assert.DoesNotContain(IntegrationFixture.ApiKey, result, StringComparison.Ordinal);
        Assert.DoesNotContain(IntegrationFixture.ApiKey, fixture.HubLogs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(IntegrationFixture.ApiKey, agent.Logs.AllText, StringComparison.Ordinal);
    }
}
