using System.Text.Json.Nodes;
using SkMcpAgent.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>The shipped weather server as a remote server: our HTTP hosting against our hub's HTTP client transports.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class RemoteServerTests(IntegrationFixture fixture)
{
    [Theory]
    [InlineData(LlmProvider.OpenAI, true)]
    [InlineData(LlmProvider.Anthropic, false)]
    public async Task Agent_CallsTheWeatherServerOverStreamableHttpAndLegacySse_InOneTurn(LlmProvider provider, bool streaming)
    {
        await using var weather = await RemoteWeatherServer.StartAsync(fixture.Nws.BaseUrl, TestTimeouts.DefaultToken());

        // The VS Code shape of the server list, with both remote transports.
        var configPath = Path.Combine(fixture.Directory, "remote.mcp.json");
        var servers = new JsonObject
        {
            ["remote"] = new JsonObject { ["type"] = "http", ["url"] = weather.BaseUrl + "/mcp" },
            ["legacy"] = new JsonObject { ["type"] = "sse", ["url"] = weather.BaseUrl + "/sse" },
        };
        await File.WriteAllTextAsync(configPath, new JsonObject { ["servers"] = servers }.ToJsonString());
        await using var hub = new McpServerHub(
            McpConfigLoader.Load(configPath, new Dictionary<string, string?>()), new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);
        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
        Assert.All(hub.Servers, s => Assert.True(s.State == ServerState.Ready, $"{s.Name}: {s.FailureReason}"));

        fixture.Script(
            _ => FakeLlmReply.ToolCalls(
                null,
                new FakeLlmToolCall("remote_get_forecast", FakeAnswers.AustinArguments, FakeAnswers.ForecastCallId),
                new FakeLlmToolCall("legacy_get_alerts", """{"state":"TX"}""", "call_alerts")),
            FakeAnswers.FromForecast);
        using var setup = AgentUnderTest.Create(fixture, provider);
        var agent = TestAgent.ForProvider(setup.Settings, hub, new ChatAgentOptions { Approval = new ApprovalPolicy(ApprovalMode.Auto) }, NullAgentEventSink.Instance);

        var answer = streaming
            ? string.Concat(await agent.RunStreamingAsync("Weather and alerts for Austin?", TestTimeouts.DefaultToken()).Select(u => u.Text).ToListAsync())
            : (await agent.RunAsync("Weather and alerts for Austin?", TestTimeouts.DefaultToken())).Text;

        Assert.EndsWith(FakeAnswers.AustinAnswer, answer, StringComparison.Ordinal);
        var followUp = fixture.Requests[1];
        Assert.Contains("Temperature: 101°F", Wire.ToolResult(followUp, FakeAnswers.ForecastCallId), StringComparison.Ordinal);
        Assert.Contains("for Texas (TX)", Wire.ToolResult(followUp, "call_alerts"), StringComparison.Ordinal);
        Assert.All(agent.LastTurnCalls, c => Assert.True(c.Succeeded, c.Result));
    }
}
