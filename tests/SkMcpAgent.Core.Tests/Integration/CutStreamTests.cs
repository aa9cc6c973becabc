using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>
/// A response stream that ends before the protocol's final event (the connection dropped) is a failure of the turn,
/// through the real SDKs: nothing of the incomplete response runs, and the history stays one the provider accepts.
/// </summary>
[Collection(IntegrationDefinition.Name)]
public sealed class CutStreamTests(IntegrationFixture fixture)
{
    private const string Question = "What's the weather in Austin?";

    public static TheoryData<LlmProvider, FakeLlmCut> ProvidersAndCuts
    {
        get
        {
            var data = new TheoryData<LlmProvider, FakeLlmCut>();
            foreach (var provider in new[] { LlmProvider.OpenAI, LlmProvider.AzureOpenAI, LlmProvider.Anthropic })
            {
                foreach (var cut in new[] { FakeLlmCut.MidText, FakeLlmCut.MidArguments, FakeLlmCut.BeforeFinish })
                {
                    data.Add(provider, cut);
                }
            }

            return data;
        }
    }

    public static TheoryData<LlmProvider> Providers => [LlmProvider.OpenAI, LlmProvider.AzureOpenAI, LlmProvider.Anthropic];

    [Theory]
    [MemberData(nameof(ProvidersAndCuts))]
    public async Task StreamingTurn_FailsWithAProviderExceptionAndRunsNothing_WhenTheStreamIsCut(LlmProvider provider, FakeLlmCut cut)
    {
        // Text, then a call of the weather server: the call must not run, whatever part of the response arrived.
        fixture.Script(
            _ => FakeLlmReply.ToolCalls("Let me look that up.", new FakeLlmToolCall("weather_get_forecast", FakeAnswers.AustinArguments, FakeAnswers.ForecastCallId)) with { Cut = cut },
            FakeAnswers.FromForecast);
        using var agent = AgentUnderTest.Create(fixture, provider);

        var thrown = await Assert.ThrowsAsync<ProviderException>(() => agent.AskAsync(Question, streaming: true, TestTimeouts.DefaultToken()));

        Assert.Contains("was cut off before it ended", thrown.Message, StringComparison.Ordinal);
        Assert.Contains($"{agent.Settings.DisplayName} at {fixture.Llm.BaseUrl.Authority}", thrown.Message, StringComparison.Ordinal);
        Assert.Single(fixture.Requests);
        Assert.Empty(agent.Agent.LastTurnCalls);
        Assert.DoesNotContain(agent.Events.Events, e => e is FunctionCallFinished);
        AssertEveryCallAnswered(agent.Agent.History);
        Assert.Equal((ChatRole.User, Question), (agent.Agent.History[1].Role, agent.Agent.History[1].Text));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StreamingTurn_FailsWithAProviderException_WhenTheAnswerTextIsCut(LlmProvider provider)
    {
        fixture.Script(_ => FakeLlmReply.Text("Austin this afternoon: 101°F.") with { Cut = FakeLlmCut.MidText });
        using var agent = AgentUnderTest.Create(fixture, provider);

        var thrown = await Assert.ThrowsAsync<ProviderException>(() => agent.AskAsync(Question, streaming: true, TestTimeouts.DefaultToken()));

        Assert.Contains("was cut off before it ended", thrown.Message, StringComparison.Ordinal);
        Assert.Single(fixture.Requests);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Turn_FailsWithAProviderExceptionAndRunsNothing_WhenTheJsonBodyIsCut(LlmProvider provider)
    {
        fixture.Script(_ => FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("weather_get_forecast", FakeAnswers.AustinArguments, FakeAnswers.ForecastCallId)) with { Cut = FakeLlmCut.BeforeFinish });
        using var agent = AgentUnderTest.Create(fixture, provider);

        await Assert.ThrowsAsync<ProviderException>(() => agent.AskAsync(Question, streaming: false, TestTimeouts.DefaultToken()));

        Assert.Empty(agent.Agent.LastTurnCalls);
        AssertEveryCallAnswered(agent.Agent.History);
    }

    private static void AssertEveryCallAnswered(IReadOnlyList<ChatMessage> history)
    {
        var calls = history.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.CallId).ToHashSet();
        var results = history.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.CallId).ToHashSet();
        Assert.Equal(calls, results);
    }
}
