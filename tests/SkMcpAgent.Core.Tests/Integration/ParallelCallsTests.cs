using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>Several calls in one streamed response, to two different server processes.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class ParallelCallsTests(IntegrationFixture fixture)
{
    [Theory]
    [InlineData(LlmProvider.AzureOpenAI)]
    [InlineData(LlmProvider.OpenAI)]
    [InlineData(LlmProvider.Anthropic)]
    public async Task Agent_RunsEveryCallOfOneStreamedResponse_AndSendsAllResultsInOneFollowUp(LlmProvider provider)
    {
        // Arguments arrive cut into pieces across chunks, as real models stream them.
        fixture.Script(
            _ => FakeLlmReply.ToolCalls(
                null,
                new FakeLlmToolCall("disk_get_os_info", "{}", "call_os"),
                new FakeLlmToolCall("everything_get-sum", """{"a": 2, "b": 3}""", "call_sum")) with { StreamPieces = 5 },
            FakeAnswers.EchoToolResults);
        using var agent = AgentUnderTest.Create(fixture, provider);

        var answer = await agent.AskAsync("Add 2 and 3, and tell me about this machine.", streaming: true, TestTimeouts.DefaultToken());

        var requests = fixture.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Contains("The sum of 2 and 3 is 5.", Wire.ToolResult(requests[1], "call_sum"), StringComparison.Ordinal);
        Assert.Contains($"Processors: {Environment.ProcessorCount}", Wire.ToolResult(requests[1], "call_os"), StringComparison.Ordinal);
        Assert.Equal(provider == LlmProvider.Anthropic ? 1 : 2, Wire.ToolResultMessageCount(requests[1]));
        Assert.Contains("call_sum: The sum of 2 and 3 is 5.", answer, StringComparison.Ordinal);

        var calls = agent.Agent.LastTurnCalls;
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.True(c.Succeeded, c.Result));
        Assert.Equal(["disk", "everything"], calls.Select(c => c.Server).Order());
        Assert.Equal("3", calls.Single(c => c.CallId == "call_sum").Arguments["b"]?.ToString());
    }
}
