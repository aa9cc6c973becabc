using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>Later turns, and conversations saved with one provider and continued with another, carry the tool history.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class ConversationTests(IntegrationFixture fixture)
{
    public static TheoryData<LlmProvider, LlmProvider, bool> ProviderSwitches => new()
    {
        { LlmProvider.OpenAI, LlmProvider.Anthropic, true },
        { LlmProvider.Anthropic, LlmProvider.AzureOpenAI, false },
        { LlmProvider.AzureOpenAI, LlmProvider.OpenAI, true },
    };

    [Theory]
    [MemberData(nameof(ToolRoundTripTests.ProvidersAndModes), MemberType = typeof(ToolRoundTripTests))]
    public async Task NextTurn_SendsTheFirstTurnsCallResultAndAnswer_InTheProvidersFormat(LlmProvider provider, bool streaming)
    {
        fixture.Script(FakeAnswers.CallForecast, FakeAnswers.FromForecast, _ => FakeLlmReply.Text("You're welcome."));
        using var agent = AgentUnderTest.Create(fixture, provider);

        await agent.AskAsync("What's the weather in Austin?", streaming, TestTimeouts.DefaultToken());
        var answer = await agent.AskAsync("Thanks!", streaming, TestTimeouts.DefaultToken());

        Assert.Equal("You're welcome.", answer);
        AssertCarriesFirstTurn(fixture.Requests[2]);
    }

    [Theory]
    [MemberData(nameof(ProviderSwitches))]
    public async Task SavedConversation_ContinuesWithAnotherProvider_WithTheToolHistoryInItsFormat(LlmProvider first, LlmProvider second, bool streaming)
    {
        var path = Path.Combine(fixture.Directory, $"conversation-{first}-{second}.json");
        fixture.Script(FakeAnswers.CallForecast, FakeAnswers.FromForecast, _ => FakeLlmReply.Text("You're welcome."));
        using (var before = AgentUnderTest.Create(fixture, first))
        {
            await before.AskAsync("What's the weather in Austin?", streaming, TestTimeouts.DefaultToken());
            await before.Agent.SaveAsync(path, TestTimeouts.DefaultToken());
        }

        using var after = AgentUnderTest.Create(fixture, second);
        await after.Agent.LoadAsync(path, TestTimeouts.DefaultToken());
        var answer = await after.AskAsync("Thanks!", streaming, TestTimeouts.DefaultToken());

        Assert.Equal("You're welcome.", answer);
        var request = fixture.Requests[2];
        Assert.Equal(Wire.ExpectedPath(request.Protocol), request.Path);
        AssertCarriesFirstTurn(request);
    }

    private static void AssertCarriesFirstTurn(FakeLlmRequest request)
    {
        Assert.Contains("Temperature: 101°F", Wire.ToolResult(request, FakeAnswers.ForecastCallId), StringComparison.Ordinal);
        var texts = request.Messages.Select(m => (Role: m?["role"]?.GetValue<string>(), Text: TextOf(m?["content"]))).ToList();
        Assert.Contains(("user", "What's the weather in Austin?"), texts);
        Assert.Contains(("assistant", FakeAnswers.AustinAnswer), texts);
        Assert.Equal(("user", "Thanks!"), texts[^1]);
    }

    private static string TextOf(System.Text.Json.Nodes.JsonNode? content) => content switch
    {
        System.Text.Json.Nodes.JsonValue value => value.GetValue<string>(),
        System.Text.Json.Nodes.JsonArray parts => string.Concat(parts.Select(p => p?["type"]?.GetValue<string>() == "text" ? p["text"]?.GetValue<string>() : "")),
        _ => "",
    };
}
