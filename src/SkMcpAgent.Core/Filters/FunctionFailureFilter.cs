using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Filters;

/// <summary>
/// A function that fails (a server error, a crashed server, a bad argument) answers the model with what went wrong
/// instead of ending the turn: every failure becomes a result the model can read. Only cancellation passes through,
/// for the timeout filter (this call) or the agent (the whole turn) to handle.
/// </summary>
public sealed class FunctionFailureFilter : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested || FunctionCallScope.Current?.CancellationToken.IsCancellationRequested == true)
        {
            throw;
        }
        catch (Exception ex)
        {
            var name = FunctionCallScope.Current?.FunctionName ?? context.Function.QualifiedName();
            context.Result = FunctionOutcome.Error(context.Function, FunctionCallMessages.Failed(name, ex), ex);
        }
    }
}
