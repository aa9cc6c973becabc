using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>A server that cannot start is reported, and the other servers' functions work in the same turn.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class ServerFailureTests(IntegrationFixture fixture)
{
    [Theory]
    [InlineData(LlmProvider.OpenAI, false)]
    [InlineData(LlmProvider.Anthropic, true)]
    public async Task Agent_CallsTheOtherServersFunctions_WhenOneServerFailedToStart(LlmProvider provider, bool streaming)
    {
        var missing = fixture.Server("missing");
        Assert.Equal(ServerState.Failed, missing.State);
        Assert.Contains(IntegrationFixture.MissingCommand, missing.FailureReason, StringComparison.Ordinal);
        var reported = await fixture.ServerEvents.WaitForAsync<ServerStateChanged>(e => e.ServerName == "missing" && e.State == ServerState.Failed);
        Assert.Equal(missing.FailureReason, reported.Detail);

        fixture.Script(
            _ => FakeLlmReply.ToolCalls(
                null,
                new FakeLlmToolCall("weather_get_forecast", FakeAnswers.AustinArguments, FakeAnswers.ForecastCallId),
                new FakeLlmToolCall("disk_get_os_info", "{}", "call_os")),
            FakeAnswers.FromForecast);
        using var agent = AgentUnderTest.Create(fixture, provider);

        var answer = await agent.AskAsync("Weather in Austin, and what machine is this?", streaming, TestTimeouts.DefaultToken());

        Assert.Equal(FakeAnswers.AustinAnswer, answer);
        var requests = fixture.Requests;
        Assert.DoesNotContain(Wire.DeclaredToolNames(requests[0]), name => name.StartsWith("missing_", StringComparison.Ordinal));
        Assert.Contains($"Processors: {Environment.ProcessorCount}", Wire.ToolResult(requests[1], "call_os"), StringComparison.Ordinal);
        Assert.All(agent.Agent.LastTurnCalls, c => Assert.True(c.Succeeded, c.Result));
        Assert.Equal(2, agent.Agent.LastTurnCalls.Count);
    }
}
