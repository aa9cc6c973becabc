using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Filters;

/// <summary>
/// Asks the <see cref="ApprovalPolicy"/> before a call runs. A denied call does not run; the model reads that the
/// user denied it.
/// </summary>
public sealed class ApprovalFilter(ApprovalPolicy policy) : IFunctionInvocationFilter
{
    private readonly ApprovalPolicy _policy = policy ?? throw new ArgumentNullException(nameof(policy));

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        var scope = FunctionCallScope.Current;
        var request = new ApprovalRequest(scope?.FunctionName ?? context.Function.QualifiedName(), scope?.ServerName, context.Arguments);
        if (!await _policy.IsApprovedAsync(request, context.CancellationToken).ConfigureAwait(false))
        {
            context.Result = FunctionOutcome.Error(context.Function, FunctionCallMessages.Denied);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
