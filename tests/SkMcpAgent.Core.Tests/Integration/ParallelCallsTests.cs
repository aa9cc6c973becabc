using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>Several calls in one response, to two different server processes, run side by side.</summary>
[Collection(IntegrationDefinition.Name)]
public sealed class ParallelCallsTests(IntegrationFixture fixture)
{
    public static TheoryData<LlmProvider, bool> ProvidersAndModes => ToolRoundTripTests.ProvidersAndModes;

    [Theory]
    [MemberData(nameof(ProvidersAndModes))]
    public async Task Agent_RunsEveryCallOfOneResponseConcurrently_AndSendsAllResultsInOneFollowUp(LlmProvider provider, bool streaming)
    {
        // Arguments arrive cut into pieces across chunks, as real models stream them.
        fixture.Script(
            _ => FakeLlmReply.ToolCalls(
                null,
                new FakeLlmToolCall("disk_get_os_info", "{}", "call_os"),
                new FakeLlmToolCall("everything_get_sum", """{"a": 2, "b": 3}""", "call_sum")) with { StreamPieces = 5 },
            FakeAnswers.EchoToolResults);
        using var agent = AgentUnderTest.Create(fixture, provider);
        var barrier = new StartBarrier(2);
        agent.Agent.Kernel.FunctionInvocationFilters.Add(barrier);

        var answer = await agent.AskAsync("Add 2 and 3, and tell me about this machine.", streaming, TestTimeouts.DefaultToken());

        // Each call waited (bounded) for the other to have started before going to its server: run one after the
        // other, the first would have timed out waiting and failed.
        Assert.Equal(2, barrier.Passed);
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

    /// <summary>Holds each call until <paramref name="count"/> calls have started, at most half of <see cref="TestTimeouts.Default"/> (less than the turn has).</summary>
    private sealed class StartBarrier(int count) : IFunctionInvocationFilter
    {
        private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;
        private int _passed;

        public int Passed => Volatile.Read(ref _passed);

        public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
        {
            if (Interlocked.Increment(ref _started) == count)
            {
                _allStarted.TrySetResult();
            }

            await _allStarted.Task.WaitAsync(TestTimeouts.Default / 2, context.CancellationToken);
            Interlocked.Increment(ref _passed);
            await next(context);
        }
    }
}
