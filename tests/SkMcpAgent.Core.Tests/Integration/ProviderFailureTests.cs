using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>The provider rejects the follow-up request of a turn whose tool call already ran.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class ProviderFailureTests(IntegrationFixture fixture)
{
    private const string Question = "What's the weather in Austin?";

    public static TheoryData<LlmProvider, bool> ProvidersAndModes => ToolRoundTripTests.ProvidersAndModes;

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Turn_FailsWithAProviderException_NamingProviderAndEndpointButNotTheKey_WhenTheSecondRequestIsUnauthorized(LlmProvider provider, bool streaming)
    {
        // Real providers echo (part of) the rejected key in the 401 body; this one echoes all of it.
        fixture.Script(FakeAnswers.CallForecast, _ => FakeLlmReply.Error(401, message: $"Incorrect API key provided: {IntegrationFixture.ApiKey}."));
        using var agent = AgentUnderTest.Create(fixture, provider);

        var thrown = await Assert.ThrowsAsync<ProviderException>(() => agent.AskAsync(Question, streaming, TestTimeouts.DefaultToken()));

        Assert.Equal(2, fixture.Requests.Count);
        Assert.Equal(401, thrown.StatusCode);
        Assert.Contains($"{agent.Settings.DisplayName} at {fixture.Llm.BaseUrl.Authority}", thrown.Message, StringComparison.Ordinal);
        Assert.Contains(agent.Settings.ApiKeyVariable, thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(IntegrationFixture.ApiKey, thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(IntegrationFixture.ApiKey, agent.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(IntegrationFixture.ApiKey, fixture.HubLogs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LlmProvider.AzureOpenAI)]
    [InlineData(LlmProvider.OpenAI)]
    [InlineData(LlmProvider.Anthropic)]
    public Task History_KeepsTheUserMessageAndTheAnsweredCall_WhenTheProviderFailsMidStreamingTurn(LlmProvider provider) =>
        AssertHistoryAfterMidTurnFailureAsync(provider, streaming: true);

    [Theory]
    [InlineData(LlmProvider.AzureOpenAI)]
    [InlineData(LlmProvider.OpenAI)]
    [InlineData(LlmProvider.Anthropic)]
    public Task History_KeepsTheUserMessageAndTheAnsweredCall_WhenTheProviderFailsMidTurn(LlmProvider provider) =>
        AssertHistoryAfterMidTurnFailureAsync(provider, streaming: false);

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task History_DoesNotSayTheUserInterrupted_WhenTheProviderFailedMidTurn(LlmProvider provider, bool streaming)
    {
        fixture.Script(
            _ => FakeLlmReply.ToolCalls("Let me look that up.", new FakeLlmToolCall("weather_get_forecast", FakeAnswers.AustinArguments, FakeAnswers.ForecastCallId)),
            _ => FakeLlmReply.Error(401));
        using var agent = AgentUnderTest.Create(fixture, provider);

        await Assert.ThrowsAsync<ProviderException>(() => agent.AskAsync(Question, streaming, TestTimeouts.DefaultToken()));

        // The model's words before its call are kept as they were: nobody interrupted it, the provider failed later.
        var assistant = Assert.Single(agent.Agent.History, m => m.Role == ChatRole.Assistant);
        Assert.Equal("Let me look that up.", assistant.Text);
    }

    private async Task AssertHistoryAfterMidTurnFailureAsync(LlmProvider provider, bool streaming)
    {
        fixture.Script(FakeAnswers.CallForecast, _ => FakeLlmReply.Error(401));
        using var agent = AgentUnderTest.Create(fixture, provider);

        await Assert.ThrowsAsync<ProviderException>(() => agent.AskAsync(Question, streaming, TestTimeouts.DefaultToken()));

        var history = agent.Agent.History;
        Assert.Equal(ChatRole.System, history[0].Role);
        Assert.Equal((ChatRole.User, Question), (history[1].Role, history[1].Text));

        var calls = history.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.CallId).ToList();
        var results = history.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();
        Assert.Equal(calls, results.Select(r => r.CallId));

        // The call ran on the server before the failure (ChatAgent's contract: completed rounds stay), so the model
        // must be told about it on the next turn.
        Assert.Equal([FakeAnswers.ForecastCallId], calls);
        Assert.Contains("Temperature: 101°F", results[0].Result?.ToString(), StringComparison.Ordinal);
    }
}
