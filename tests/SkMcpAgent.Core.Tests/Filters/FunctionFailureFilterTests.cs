using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Filters;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Filters;

public sealed class FunctionFailureFilterTests
{
    [Fact]
    public async Task Call_BecomesAnErrorResultWithTheException_WhenFunctionThrows()
    {
        var failure = new IOException("The MCP server 'disk' exited unexpectedly.\n   at Disk.Scan()");

        var result = await InvokeAsync(string () => throw failure, TestTimeouts.DefaultToken());

        Assert.True(FunctionOutcome.IsError(result));
        Assert.Equal("Error: function 'disk_scan' failed: The MCP server 'disk' exited unexpectedly.", FunctionOutcome.Text(result));
        Assert.Same(failure, FunctionOutcome.Exception(result));
    }

    [Fact]
    public async Task Call_SaysWhichExceptionFailedIt_WhenTheMessageIsEmpty()
    {
        var result = await InvokeAsync(string () => throw new InvalidOperationException(" "), TestTimeouts.DefaultToken());

        Assert.Equal("Error: function 'disk_scan' failed (InvalidOperationException).", FunctionOutcome.Text(result));
    }

    [Fact]
    public async Task Call_BecomesAnErrorResult_WhenFunctionIsCancelledByItself()
    {
        // An HTTP client's own timeout, say: neither the turn nor the call was cancelled.
        var result = await InvokeAsync(string () => throw new TaskCanceledException("request timed out"), TestTimeouts.DefaultToken());

        Assert.True(FunctionOutcome.IsError(result));
        Assert.Equal("Error: function 'disk_scan' failed: request timed out", FunctionOutcome.Text(result));
    }

    [Fact]
    public async Task Call_LetsCancellationThrough_WhenTheTurnIsCancelled()
    {
        using var turn = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => InvokeAsync(
            string () =>
            {
                turn.Cancel();
                turn.Token.ThrowIfCancellationRequested();
                return "unreachable";
            },
            turn.Token));
    }

    [Fact]
    public async Task Call_LetsCancellationThrough_WhenTheCallIsCancelled()
    {
        using var scope = FunctionCallScope.Enter("c1", "disk_scan", "disk", new RecordingEventSink());

        // The timeout filter, outside this one, turns the call's own cancellation into its answer.
        var kernel = Kernel.CreateBuilder().Build();
        kernel.FunctionInvocationFilters.Add(new FunctionFailureFilter());
        var function = AIFunctionFactory.Create(
            async () =>
            {
                scope.CancelAfter(TimeSpan.FromMilliseconds(1));
                await new TaskCompletionSource().Task.WaitAsync(scope.CancellationToken);
                return "unreachable";
            },
            "disk_scan").AsKernelFunction();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kernel.InvokeAsync(function, cancellationToken: TestTimeouts.DefaultToken()));
    }

    private static async Task<FunctionResult> InvokeAsync(Func<string> method, CancellationToken cancellationToken)
    {
        var kernel = Kernel.CreateBuilder().Build();
        kernel.FunctionInvocationFilters.Add(new FunctionFailureFilter());
        return await kernel.InvokeAsync(AIFunctionFactory.Create(method, "disk_scan").AsKernelFunction(), cancellationToken: cancellationToken);
    }
}
