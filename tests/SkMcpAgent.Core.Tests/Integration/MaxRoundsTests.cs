using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>
/// --max-rounds: once the rounds are used up, SK's loop asks each provider once more, for an answer in text: without
/// tools for OpenAI and Azure OpenAI; for Anthropic, which rejects tool_use blocks in the history of a request
/// without tools, with the called tools declared and tool choice none. The last round's results tell the model why.
/// </summary>
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
        Assert.Equal(2, fixture.Requests.Count);
        AssertToolsDisabled(fixture.Requests[1], ["weather_get_forecast"]);
        var result = Wire.ToolResult(fixture.Requests[1], FakeAnswers.ForecastCallId);
        Assert.Contains("Temperature: 101°F", result, StringComparison.Ordinal);
        Assert.Contains(Note(1), result, StringComparison.Ordinal);
        Assert.True(Assert.Single(agent.Agent.LastTurnCalls).Succeeded);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Agent_CountsTheCallsNotRun_WhenTheModelStillCallsAfterToolsWereSwitchedOff(LlmProvider provider, bool streaming)
    {
        // Even asked without tools, this model answers with another call, and no text.
        fixture.Script(
            FakeAnswers.CallForecast,
            _ => FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("weather_get_forecast", FakeAnswers.AustinArguments, "call_after_limit")));
        using var agent = AgentUnderTest.Create(fixture, provider, options => options.MaxRounds = 1);

        var answer = await agent.AskAsync("What's the weather in Austin?", streaming, TestTimeouts.DefaultToken());

        Assert.Equal("", answer);
        Assert.Equal(2, fixture.Requests.Count);
        Assert.Single(agent.Agent.LastTurnCalls);
        Assert.Equal(1, agent.Agent.LastTurnCallsNotRun);
        var notRun = agent.Agent.History.SelectMany(m => m.Contents).OfType<Microsoft.Extensions.AI.FunctionResultContent>().Single(r => r.CallId == "call_after_limit");
        Assert.Equal("Not run: the maximum number of function-calling rounds for this turn was reached.", notRun.Result);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Agent_CountsNoCallsNotRun_WhenTheModelAnswersAfterTheRoundLimit(LlmProvider provider, bool streaming)
    {
        fixture.Script(FakeAnswers.CallForecast, FakeAnswers.FromForecast);
        using var agent = AgentUnderTest.Create(fixture, provider, options => options.MaxRounds = 1);

        await agent.AskAsync("What's the weather in Austin?", streaming, TestTimeouts.DefaultToken());

        Assert.Equal(0, agent.Agent.LastTurnCallsNotRun);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Turn_EndsInText_AfterMaxRoundsOfCalls_WhenTheModelKeepsCalling(LlmProvider provider, bool streaming)
    {
        // A model that would call forever: every reply with tools declared is another call.
        fixture.Script(
            _ => FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("everything_get_sum", """{"a":1,"b":2}""", "call_round_1")),
            _ => FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("everything_get_sum", """{"a":3,"b":4}""", "call_round_2")),
            FakeAnswers.EchoToolResults);
        using var agent = AgentUnderTest.Create(fixture, provider, options => options.MaxRounds = 2);

        var answer = await agent.AskAsync("Keep adding.", streaming, TestTimeouts.DefaultToken());

        var requests = fixture.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Contains("everything_get_sum", Wire.DeclaredToolNames(requests[1]));
        Assert.DoesNotContain(Note(2), Wire.ToolResult(requests[1], "call_round_1"), StringComparison.Ordinal);
        AssertToolsDisabled(requests[2], ["everything_get_sum"]);
        Assert.Equal("The sum of 1 and 2 is 3.", Wire.ToolResult(requests[2], "call_round_1"));
        Assert.StartsWith("The sum of 3 and 4 is 7.\n", Wire.ToolResult(requests[2], "call_round_2"), StringComparison.Ordinal);
        Assert.Contains(Note(2), Wire.ToolResult(requests[2], "call_round_2"), StringComparison.Ordinal);
        Assert.Contains("call_round_2: The sum of 3 and 4 is 7.", answer, StringComparison.Ordinal);
        Assert.Equal(2, agent.Agent.LastTurnCalls.Count);
        Assert.Equal("Keep adding.", agent.Agent.History[1].Text);
        Assert.Equal(answer, agent.Agent.History[^1].Text);
    }

    private static string Note(int rounds) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"The limit of {rounds} function-calling rounds for this turn was reached, so functions are disabled now.");

    private static void AssertToolsDisabled(FakeLlmRequest final, string[] calledTools)
    {
        if (final.Protocol == FakeLlmProtocol.Anthropic)
        {
            Assert.Equal("none", final.Body?["tool_choice"]?["type"]?.GetValue<string>());
            Assert.Equal(calledTools, Wire.DeclaredToolNames(final));
        }
        else
        {
            // SK/M.E.AI's last request leaves the tools out altogether (the old agent declared them with tool_choice none).
            Assert.Empty(final.Tools);
            Assert.Null(final.Body?["tool_choice"]);
        }
    }
}
