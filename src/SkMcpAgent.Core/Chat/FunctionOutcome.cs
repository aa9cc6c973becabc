using Microsoft.SemanticKernel;

namespace SkMcpAgent.Core.Chat;

/// <summary>
/// What a call produced, as carried in Semantic Kernel's <see cref="FunctionResult"/>: its value, and (in the
/// result's metadata) whether that value is an error message for the model rather than the function's output.
/// Filters answer the model this way instead of throwing, so every call gets a readable result.
/// </summary>
public static class FunctionOutcome
{
    /// <summary>Metadata key: true when the value is an error message.</summary>
    public const string ErrorKey = "skmcpagent.error";

    /// <summary>Metadata key: the failure behind an error result; never sent to the model.</summary>
    public const string ExceptionKey = "skmcpagent.exception";

    /// <summary>An error result for <paramref name="function"/> with the text the model reads.</summary>
    public static FunctionResult Error(KernelFunction function, string text, Exception? exception = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new FunctionResult(function, text, metadata: new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [ErrorKey] = true,
            [ExceptionKey] = exception,
        });
    }

    /// <summary>The same result with another value (a cut or reformatted text), keeping whether it is an error.</summary>
    public static FunctionResult WithValue(FunctionResult result, object? value)
    {
        ArgumentNullException.ThrowIfNull(result);
        value ??= FunctionResultFormatter.NoOutput;

        // An MCP result flagged isError is an error by its value alone: once reformatted as text, the flag must
        // move to the metadata, or the console and the logs would report a failed call as a success.
        if (IsError(result) && !HasErrorFlag(result))
        {
            var metadata = new Dictionary<string, object?>(StringComparer.Ordinal) { [ErrorKey] = true };
            foreach (var (key, entry) in result.Metadata ?? new Dictionary<string, object?>())
            {
                metadata.TryAdd(key, entry);
            }

            return new FunctionResult(result.Function, value, result.Culture, metadata);
        }

        return new FunctionResult(result, value);
    }

    /// <summary>The value as it reaches the model.</summary>
    public static object? Value(FunctionResult? result) => result?.GetValue<object>();

    /// <summary>The value as one text, for the console, the logs and the size cap.</summary>
    public static string Text(FunctionResult? result) => FunctionResultFormatter.Format(Value(result));

    /// <summary>True for an error message set by a filter, and for an MCP tool result flagged <c>isError</c>.</summary>
    public static bool IsError(FunctionResult? result) =>
        result is not null && (HasErrorFlag(result) || FunctionResultFormatter.IsToolError(Value(result)));

    /// <summary>The failure behind an error result, if a filter recorded one.</summary>
    public static Exception? Exception(FunctionResult? result) =>
        result?.Metadata?.TryGetValue(ExceptionKey, out var exception) == true ? exception as Exception : null;

    private static bool HasErrorFlag(FunctionResult result) =>
        result.Metadata?.TryGetValue(ErrorKey, out var flag) == true && flag is true;
}
