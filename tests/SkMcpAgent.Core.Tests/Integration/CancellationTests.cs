using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>Ctrl+C while a real server is still working on a call: the turn ends, the server lives on.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class CancellationTests(IntegrationFixture fixture)
{
    [Theory]
    [InlineData(LlmProvider.OpenAI, false)]
    [InlineData(LlmProvider.Anthropic, true)]
    public async Task Turn_EndsPromptlyWithTheCallAnsweredAsCancelled_AndTheServerServesTheNextTurn_WhenCancelledDuringACall(LlmProvider provider, bool streaming)
    {
        var serverProcess = fixture.ProcessId("everything");
        Assert.NotNull(serverProcess);
        fixture.Script(_ => FakeLlmReply.ToolCalls(
            null, new FakeLlmToolCall("everything_trigger-long-running-operation", """{"duration":30,"steps":30}""", "call_long")));
        using var agent = AgentUnderTest.Create(fixture, provider);
        using var cancellation = new CancellationTokenSource(TestTimeouts.Default);

        var turn = agent.AskAsync("Run the long operation.", streaming, cancellation.Token);
        var progress = await agent.Events.WaitForAsync<FunctionCallProgressed>(p => p.CallId == "call_long");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(30, progress.Total);
        Assert.Single(fixture.Requests);
        var result = Assert.Single(agent.Agent.History.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Equal("call_long", result.CallId);
        Assert.StartsWith("Cancelled", result.Result?.ToString(), StringComparison.Ordinal);

        fixture.Script(
            _ => FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("everything_get-sum", """{"a":40,"b":2}""", "call_sum")),
            FakeAnswers.EchoToolResults);
        var answer = await agent.AskAsync("Then add 40 and 2.", streaming, TestTimeouts.DefaultToken());

        Assert.EndsWith("call_sum: The sum of 40 and 2 is 42.", answer, StringComparison.Ordinal);
        Assert.Equal(serverProcess, fixture.ProcessId("everything"));
        Assert.StartsWith("Cancelled", Wire.ToolResult(fixture.Requests[0], "call_long"), StringComparison.Ordinal);
    }
}
