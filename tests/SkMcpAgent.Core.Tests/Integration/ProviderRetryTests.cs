using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>A rate limit between rounds is retried by the SDK; the function that already ran is not run again.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class ProviderRetryTests(IntegrationFixture fixture)
{
    [Theory]
    [MemberData(nameof(ToolRoundTripTests.ProvidersAndModes), MemberType = typeof(ToolRoundTripTests))]
    public async Task Turn_Completes_WithTheToolRunOnce_WhenTheFollowUpIsRateLimitedOnce(LlmProvider provider, bool streaming)
    {
        var forecastsBefore = ForecastRequestsToNws();
        fixture.Script(
            FakeAnswers.CallForecast,
            _ => FakeLlmReply.Error(429, retryAfterMilliseconds: 10),
            FakeAnswers.FromForecast);
        using var agent = AgentUnderTest.Create(fixture, provider);

        var answer = await agent.AskAsync("What's the weather in Austin?", streaming, TestTimeouts.DefaultToken());

        Assert.Equal(FakeAnswers.AustinAnswer, answer);
        var requests = fixture.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(requests[1].Body?.ToJsonString(), requests[2].Body?.ToJsonString());
        Assert.Equal(1, ForecastRequestsToNws() - forecastsBefore);
        Assert.Single(agent.Agent.LastTurnCalls);
    }

    private int ForecastRequestsToNws() => fixture.Nws.Requests.Count(r => r.Path == "/gridpoints/EWX/156,91/forecast");
}
