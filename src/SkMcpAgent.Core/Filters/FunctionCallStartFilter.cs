using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Filters;

/// <summary>
/// Innermost: the function is about to run (every filter before it let it through), so the console hears of the
/// call now, and its duration is the function's own.
/// </summary>
public sealed class FunctionCallStartFilter : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        var scope = FunctionCallScope.Current;
        scope?.MarkStarted(context.Arguments);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            scope?.MarkFinished();
        }
    }
}
