using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>Calls that fail go back to the model as results it can read; the turn still ends with its answer.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class FailingCallTests(IntegrationFixture fixture)
{
    public static TheoryData<LlmProvider, bool> ProvidersAndModes => ToolRoundTripTests.ProvidersAndModes;

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Agent_SendsTheServersErrorTextToTheModel_WhenTheWeatherServerRejectsTheState(LlmProvider provider, bool streaming)
    {
        fixture.Script(
            _ => FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("weather_get_alerts", """{"state":"ZZ"}""", "call_alerts")),
            FakeAnswers.EchoToolResults);
        using var agent = AgentUnderTest.Create(fixture, provider);

        var answer = await agent.AskAsync("Any weather alerts in ZZ?", streaming, TestTimeouts.DefaultToken());

        var requests = fixture.Requests;
        Assert.Equal(2, requests.Count);
        var result = Wire.ToolResult(requests[1], "call_alerts");
        Assert.Contains("'ZZ' is not a US state or territory code. Use a two-letter postal code such as CA, TX, NY or PR.", result, StringComparison.Ordinal);
        Assert.Contains("weather_get_alerts", result, StringComparison.Ordinal);
        Assert.Contains("'ZZ' is not a US state", answer, StringComparison.Ordinal);

        var call = Assert.Single(agent.Agent.LastTurnCalls);
        Assert.False(call.Succeeded);
        Assert.Equal(result, call.Result);
    }

    // SK's loop (M.E.AI's FunctionInvokingChatClient) answers an unknown name itself, before any filter runs: the
    // model reads its one-line error (the stand-in used to add "Did you mean ...") and the turn goes on.
    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Agent_TellsTheModelTheFunctionDoesNotExist_AndCompletesTheTurn(LlmProvider provider, bool streaming)
    {
        fixture.Script(
            _ => FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("weather_get_forcast", FakeAnswers.AustinArguments, "call_typo")),
            FakeAnswers.EchoToolResults);
        using var agent = AgentUnderTest.Create(fixture, provider);

        var answer = await agent.AskAsync("What's the weather in Austin?", streaming, TestTimeouts.DefaultToken());

        var requests = fixture.Requests;
        Assert.Equal(2, requests.Count);
        var result = Wire.ToolResult(requests[1], "call_typo");
        Assert.Equal("Error: Requested function \"weather_get_forcast\" not found.", result);
        Assert.StartsWith("call_typo: Error: Requested function", answer, StringComparison.Ordinal);
        Assert.Empty(agent.Agent.LastTurnCalls);
    }
}
