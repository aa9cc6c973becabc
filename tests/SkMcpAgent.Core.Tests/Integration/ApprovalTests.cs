using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>--approve deny with an allow list: allowed calls reach their server, the others never leave the agent.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class ApprovalTests(IntegrationFixture fixture)
{
    public static TheoryData<LlmProvider, bool> ProvidersAndModes => ToolRoundTripTests.ProvidersAndModes;

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Agent_RunsOnlyAllowListedCalls_AndTellsTheModelTheOthersWereDenied_InDenyMode(LlmProvider provider, bool streaming)
    {
        fixture.Script(
            _ => FakeLlmReply.ToolCalls(
                null,
                new FakeLlmToolCall("weather_get_forecast", FakeAnswers.AustinArguments, FakeAnswers.ForecastCallId),
                new FakeLlmToolCall("disk_get_os_info", "{}", "call_os")),
            FakeAnswers.FromForecast);
        using var policy = new ApprovalPolicy(ApprovalMode.Deny, allowList: ["weather_*"]);
        using var agent = AgentUnderTest.Create(fixture, provider, options => options.Approval = policy);

        var answer = await agent.AskAsync("Weather in Austin, and what machine is this?", streaming, TestTimeouts.DefaultToken());

        Assert.Equal(FakeAnswers.AustinAnswer, answer);
        Assert.Equal(
            "The user denied this call. Do not retry it; answer without it or ask the user.",
            Wire.ToolResult(fixture.Requests[1], "call_os"));
        Assert.DoesNotContain(agent.Events.Events.OfType<FunctionCallStarted>(), e => e.CallId == "call_os");
        Assert.Contains(agent.Events.Events.OfType<FunctionCallStarted>(), e => e.CallId == FakeAnswers.ForecastCallId);
        Assert.False(agent.Agent.LastTurnCalls.Single(c => c.CallId == "call_os").Succeeded);
        Assert.Contains("Temperature: 101°F", Wire.ToolResult(fixture.Requests[1], FakeAnswers.ForecastCallId), StringComparison.Ordinal);
        Assert.Equal(2, fixture.Requests.Count);
    }
}
