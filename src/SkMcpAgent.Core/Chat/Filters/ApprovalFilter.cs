using SkMcpAgent.Core.Approval;

namespace SkMcpAgent.Core.Chat.Filters;

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

        var request = new ApprovalRequest(context.Call.Name, context.ServerName, context.Arguments);
        if (!await _policy.IsApprovedAsync(request, context.CancellationToken).ConfigureAwait(false))
        {
            context.Result = FunctionCallMessages.Denied;
            context.IsError = true;
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
