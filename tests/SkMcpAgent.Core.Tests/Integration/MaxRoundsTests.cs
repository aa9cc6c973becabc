using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>--max-rounds: once the rounds are used up, each provider is asked for an answer with tools disabled.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class MaxRoundsTests(IntegrationFixture fixture)
{
    public static TheoryData<LlmProvider, bool> ProvidersAndModes => ToolRoundTripTests.ProvidersAndModes;

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Agent_AsksForAFinalAnswerWithToolsDisabled_WhenTheRoundLimitIsReached(LlmProvider provider, bool streaming)
    {
        fixture.Script(FakeAnswers.CallForecast, FakeAnswers.FromForecast);
        using var agent = AgentUnderTest.Create(fixture, provider, options => options.MaxRounds = 1);

        var answer = await agent.AskAsync("What's the weather in Austin?", streaming, TestTimeouts.DefaultToken());

        Assert.Equal(FakeAnswers.AustinAnswer, answer);
        var final = fixture.Requests[1];
        var toolChoice = final.Protocol == FakeLlmProtocol.Anthropic ? final.Body?["tool_choice"]?["type"] : final.Body?["tool_choice"];
        Assert.Equal("none", toolChoice?.GetValue<string>());

        // Anthropic rejects tool_use blocks in the history of a request without tools, so they stay declared.
        Assert.NotEmpty(final.Tools);
        Assert.Contains("limit of 1 function-calling rounds", final.LastUserText(), StringComparison.Ordinal);
        Assert.Contains("Temperature: 101°F", Wire.ToolResult(final, FakeAnswers.ForecastCallId), StringComparison.Ordinal);
    }
}
