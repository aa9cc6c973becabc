namespace SkMcpAgent.Core.Agents;

/// <summary>One function call of a turn, as the console's JSON output reports it.</summary>
/// <param name="Result">The text the model received (after any size cap), or the error message it read.</param>
public sealed record FunctionCallRecord(
    string CallId,
    string Function,
    string? Server,
    IReadOnlyDictionary<string, object?> Arguments,
    bool Succeeded,
    TimeSpan Duration,
    string Result);
