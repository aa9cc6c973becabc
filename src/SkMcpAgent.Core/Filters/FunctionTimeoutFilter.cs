using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Filters;

/// <summary>
/// Cancels a call that runs longer than the timeout and tells the model so. Only the function's own run counts
/// (place it after the approval filter, so time spent asking the user is not charged to the call). It cancels the
/// call through its <see cref="FunctionCallScope"/>: SK gives the function the turn's token, which a filter cannot
/// replace, and the turn must go on.
/// </summary>
public sealed class FunctionTimeoutFilter : IFunctionInvocationFilter
{
    /// <summary>Used when the options name no timeout: long enough for a slow server, short enough to notice a hung one.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public FunctionTimeoutFilter(TimeSpan timeout)
    {
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        }

        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        if (Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // Outside a call scope (a function invoked on the kernel directly) only the wait can be cut short.
        var scope = FunctionCallScope.Current;
        using var unscoped = scope is null ? new CancellationTokenSource() : null;
        var callToken = scope?.CancellationToken ?? unscoped!.Token;
        if (scope is null)
        {
            unscoped!.CancelAfter(Timeout);
        }
        else
        {
            scope.CancelAfter(Timeout);
        }

        try
        {
            // WaitAsync: a function that ignores its token (a hung server) must hold neither the turn nor Ctrl+C hostage.
            using var either = CancellationTokenSource.CreateLinkedTokenSource(callToken, context.CancellationToken);
            await next(context).WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (callToken.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            var name = scope?.FunctionName ?? context.Function.QualifiedName();
            var text = FunctionCallMessages.TimedOut(name, Timeout);
            context.Result = FunctionOutcome.Error(context.Function, text, new TimeoutException(text, ex));
        }
    }
}
