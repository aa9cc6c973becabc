using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Filters;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Filters;

public sealed class FunctionTimeoutFilterTests
{
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Call_TimesOutAndCancelsTheCall_WhenInsideACallScope()
    {
        var cancelled = new TaskCompletionSource<bool>();
        using var scope = FunctionCallScope.Enter("c1", "disk_scan", "disk", new RecordingEventSink());

        var result = await InvokeAsync(new FunctionTimeoutFilter(s_short), FakeFunctions.HangsUntilTheCallIsCancelled(cancelled));

        Assert.True(FunctionOutcome.IsError(result));
        Assert.Equal("Error: function 'disk_scan' did not finish within 0.02 s and was cancelled. Try a smaller request or another approach.", FunctionOutcome.Text(result));
        Assert.IsType<TimeoutException>(FunctionOutcome.Exception(result));
        Assert.True(await cancelled.Task.WaitAsync(TestTimeouts.Default));
        Assert.True(scope.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public async Task Call_StopsWaiting_WhenOutsideACallScope()
    {
        var never = new TaskCompletionSource<string>();

        var result = await InvokeAsync(new FunctionTimeoutFilter(s_short), () => never.Task);

        Assert.True(FunctionOutcome.IsError(result));
        Assert.StartsWith("Error: function 'tool' did not finish within 0.02 s", FunctionOutcome.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_IsNotCut_WhenItFinishesInTime()
    {
        var result = await InvokeAsync(new FunctionTimeoutFilter(TestTimeouts.Default), () => "done");

        Assert.Equal("done", FunctionOutcome.Text(result));
        Assert.False(FunctionOutcome.IsError(result));
    }

    [Fact]
    public async Task Call_IsNeverCut_WhenTimeoutIsInfinite()
    {
        var release = new TaskCompletionSource<string>();
        var filter = new FunctionTimeoutFilter(Timeout.InfiniteTimeSpan);
        using var scope = FunctionCallScope.Enter("c1", "tool", null, new RecordingEventSink());

        var call = InvokeAsync(filter, () => release.Task);
        Assert.False(call.IsCompleted);
        release.SetResult("late but fine");
        var result = await call.WaitAsync(TestTimeouts.Default);

        Assert.Equal("late but fine", FunctionOutcome.Text(result));
        Assert.False(scope.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public async Task Call_LetsTurnCancellationThrough_InsteadOfReportingATimeout()
    {
        using var turn = new CancellationTokenSource();
        var kernel = CreateKernel(new FunctionTimeoutFilter(TestTimeouts.Default));
        var function = AIFunctionFactory.Create(
            async (CancellationToken cancellationToken) =>
            {
                await turn.CancelAsync();
                await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
                return "unreachable";
            },
            "tool").AsKernelFunction();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kernel.InvokeAsync(function, cancellationToken: turn.Token));
    }

    [Fact]
    public void Constructor_Throws_WhenTimeoutIsNotPositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FunctionTimeoutFilter(TimeSpan.Zero));
        Assert.Equal(Timeout.InfiniteTimeSpan, new FunctionTimeoutFilter(Timeout.InfiniteTimeSpan).Timeout);
    }

    private static Kernel CreateKernel(FunctionTimeoutFilter filter)
    {
        var kernel = Kernel.CreateBuilder().Build();
        kernel.FunctionInvocationFilters.Add(filter);
        return kernel;
    }

    private static async Task<FunctionResult> InvokeAsync(FunctionTimeoutFilter filter, Delegate method)
    {
        var kernel = CreateKernel(filter);
        return await kernel.InvokeAsync(AIFunctionFactory.Create(method, "tool").AsKernelFunction(), cancellationToken: TestTimeouts.DefaultToken());
    }
}
