namespace SkMcpAgent.Core.Chat;

/// <summary>
/// Code that runs around each function call, in the shape of Semantic Kernel's function invocation filters.
/// Call <paramref name="next"/> to continue (the next filter, then the function); skip it to answer the model
/// without running the function, setting <see cref="FunctionInvocationContext.Result"/> yourself.
/// </summary>
public interface IFunctionInvocationFilter
{
    Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next);
}
