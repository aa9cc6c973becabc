using Microsoft.SemanticKernel;

namespace SkMcpAgent.Core.Filters;

/// <summary>The filters every call runs through, whether the model asked for it or the user ran <c>call</c>.</summary>
public static class FunctionFilterListExtensions
{
    /// <summary>
    /// Adds, innermost last: the timeout, failures as results inside it (the timeout needs to see the cancellation it
    /// caused), and the start of the call (its event and duration).
    /// </summary>
    public static void AddCallFilters(this IList<IFunctionInvocationFilter> filters, TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(filters);
        filters.Add(new FunctionTimeoutFilter(timeout ?? FunctionTimeoutFilter.DefaultTimeout));
        filters.Add(new FunctionFailureFilter());
        filters.Add(new FunctionCallStartFilter());
    }
}
