namespace SkMcpAgent.Core.Chat.Filters;

/// <summary>
/// Cancels a call that runs longer than the timeout and tells the model so. Only the function's own run counts
/// (place it after the approval filter, so time spent asking the user is not charged to the call).
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

        var outer = context.CancellationToken;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(outer);
        timeout.CancelAfter(Timeout);
        context.CancellationToken = timeout.Token;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !outer.IsCancellationRequested)
        {
            context.Result = FunctionCallMessages.TimedOut(context.Call.Name, Timeout);
            context.IsError = true;
            context.Exception = new TimeoutException(context.Result as string, ex);
        }
        finally
        {
            context.CancellationToken = outer;
        }
    }
}
