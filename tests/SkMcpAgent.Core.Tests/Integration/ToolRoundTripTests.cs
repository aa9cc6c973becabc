using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>
/// A question that needs a tool, end to end in process: env file, provider SDK over HTTP to the fake model, the
/// agent's function calling, and the real weather server process asking the fake NWS.
/// </summary>
[Collection(IntegrationDefinition.Name)]
public sealed class ToolRoundTripTests(IntegrationFixture fixture)
{
    public static TheoryData<LlmProvider, bool> ProvidersAndModes => new()
    {
        { LlmProvider.AzureOpenAI, false },
        { LlmProvider.AzureOpenAI, true },
        { LlmProvider.OpenAI, false },
        { LlmProvider.OpenAI, true },
        { LlmProvider.Anthropic, false },
        { LlmProvider.Anthropic, true },
    };

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Agent_AnswersFromTheRealToolResult_WhenTheModelCallsTheWeatherServer(LlmProvider provider, bool streaming)
    {
        fixture.Script(FakeAnswers.CallForecast, FakeAnswers.FromForecast);
        using var agent = AgentUnderTest.Create(fixture, provider);

        var answer = await agent.AskAsync("What's the weather in Austin?", streaming, TestTimeouts.DefaultToken());

        Assert.Equal(FakeAnswers.AustinAnswer, answer);
        var requests = fixture.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(streaming, r.Stream));
        Assert.All(requests, r => Assert.Equal(Wire.ExpectedPath(r.Protocol), r.Path));
        Assert.Equal("What's the weather in Austin?", requests[0].LastUserText());

        var result = Wire.ToolResult(requests[1], FakeAnswers.ForecastCallId);
        Assert.Contains("This Afternoon:\nTemperature: 101°F", result, StringComparison.Ordinal);
        Assert.Contains(fixture.Nws.Requests, r => r.Path == "/gridpoints/EWX/156,91/forecast");

        var call = Assert.Single(agent.Agent.LastTurnCalls);
        Assert.True(call.Succeeded, call.Result);
        Assert.Equal(("weather_get_forecast", "weather"), (call.Function, call.Server));

        // The fake reports 11 input and 7 output tokens per reply; the turn's usage sums both rounds.
        Assert.Equal(22, agent.Agent.LastUsage?.InputTokenCount);
        Assert.Equal(14, agent.Agent.LastUsage?.OutputTokenCount);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Agent_SendsTypedNumbersToTheServer_AndItsTextResultToTheModel_WhenTheModelCallsGetSum(LlmProvider provider, bool streaming)
    {
        fixture.Script(
            _ => FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("everything_get_sum", """{"a":2,"b":3}""", "call_sum")),
            FakeAnswers.EchoToolResults);
        using var agent = AgentUnderTest.Create(fixture, provider);

        var answer = await agent.AskAsync("What is 2 + 3?", streaming, TestTimeouts.DefaultToken());

        // server-everything's get-sum validates a and b as numbers (zod) and answers in one text block: that the
        // model reads exactly that text proves both the numbers going out and the text coming back.
        var requests = fixture.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(streaming, r.Stream));
        Assert.Equal("The sum of 2 and 3 is 5.", Wire.ToolResult(requests[1], "call_sum"));
        Assert.Equal([("call_sum", "The sum of 2 and 3 is 5.")], requests[1].ToolResults());
        Assert.Equal("call_sum: The sum of 2 and 3 is 5.", answer);

        var call = Assert.Single(agent.Agent.LastTurnCalls);
        Assert.True(call.Succeeded, call.Result);
        Assert.Equal(("everything_get_sum", "everything"), (call.Function, call.Server));
        Assert.Equal("The sum of 2 and 3 is 5.", call.Result);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, Assert.IsType<System.Text.Json.JsonElement>(call.Arguments["a"]).ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, Assert.IsType<System.Text.Json.JsonElement>(call.Arguments["b"]).ValueKind);
    }

    [Theory]
    [InlineData(LlmProvider.AzureOpenAI)]
    [InlineData(LlmProvider.OpenAI)]
    [InlineData(LlmProvider.Anthropic)]
    public async Task Agent_DeclaresTheServersToolWithItsOriginalDescriptionAndSchema_WithTheProvidersAuthentication(LlmProvider provider)
    {
        fixture.Script(_ => FakeLlmReply.Text("Hello."));
        using var agent = AgentUnderTest.Create(fixture, provider);

        await agent.AskAsync("Hi", streaming: false, TestTimeouts.DefaultToken());

        var request = Assert.Single(fixture.Requests);
        var (description, schema) = Wire.DeclaredTool(request, "weather_get_forecast");
        Assert.StartsWith("Weather forecast for a location in the United States", description, StringComparison.Ordinal);
        Assert.Equal(fixture.Hub.GetFunctions().Single(f => f.Name == "weather_get_forecast").Description, description);
        Assert.Equal("number", schema?["properties"]?["latitude"]?["type"]?.GetValue<string>());
        Assert.Equal("number", schema?["properties"]?["longitude"]?["type"]?.GetValue<string>());
        Assert.Contains("everything_get_sum", Wire.DeclaredToolNames(request));
        Assert.Contains("disk_get_os_info", Wire.DeclaredToolNames(request));

        switch (provider)
        {
            case LlmProvider.AzureOpenAI:
                Assert.Equal(IntegrationFixture.ApiKey, request.Header("api-key"));
                Assert.Null(request.Header("Authorization"));
                Assert.Equal("my-deployment", request.Model);
                break;
            case LlmProvider.OpenAI:
                Assert.Equal($"Bearer {IntegrationFixture.ApiKey}", request.Header("Authorization"));
                Assert.Equal("gpt-test", request.Model);
                break;
            default:
                // Anthropic SDK 13.x documents ClientOptions.ApiKey as "sent as Authorization: Bearer".
                Assert.Equal($"Bearer {IntegrationFixture.ApiKey}", request.Header("Authorization"));
                Assert.Null(request.Header("x-api-key"));
                Assert.Equal("claude-test", request.Model);
                break;
        }

        Assert.DoesNotContain(IntegrationFixture.ApiKey, agent.Logs.AllText, StringComparison.Ordinal);
    }
}
