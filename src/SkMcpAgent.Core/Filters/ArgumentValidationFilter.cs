using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Plugins;

namespace SkMcpAgent.Core.Filters;

/// <summary>
/// Checks the model's arguments against the function's JSON schema before anything else happens (no approval is
/// asked for a call that cannot work): the usual mistakes become a message the model can act on instead of an
/// obscure failure deep inside a server. MCP tools are checked against the schema their server published.
/// </summary>
public sealed class ArgumentValidationFilter : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        var schema = context.Kernel.FindSourceFunction(context.Function)?.JsonSchema ?? context.Function.JsonSchema;
        if (FunctionArgumentValidator.Validate(schema, context.Arguments) is { } problems)
        {
            var name = FunctionCallScope.Current?.FunctionName ?? context.Function.QualifiedName();
            context.Result = FunctionOutcome.Error(context.Function, FunctionCallMessages.SchemaMismatch(name, problems));
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
