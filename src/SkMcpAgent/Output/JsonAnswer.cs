namespace SkMcpAgent.Output;

/// <summary>
/// What <c>--json</c> prints for an answered question. <paramref name="StopReason"/> says how the turn ended:
/// <see cref="JsonStopReasons.Answered"/>, or <see cref="JsonStopReasons.MaxRounds"/> when the model still asked for
/// functions after <c>--max-rounds</c> switched them off (those calls were not run). <paramref name="ConversationId"/> is
/// the saved conversation a later <c>--resume ID</c> continues (null with <c>--no-save</c>).
/// </summary>
public sealed record JsonAnswer(
    string Answer,
    string? Provider,
    string? Model,
    IReadOnlyList<JsonToolCall> ToolCalls,
    JsonUsage? Usage,
    string StopReason = JsonStopReasons.Answered,
    string? ConversationId = null);

/// <summary>The values of <see cref="JsonAnswer.StopReason"/>.</summary>
public static class JsonStopReasons
{
    /// <summary>The model answered.</summary>
    public const string Answered = "answered";

    /// <summary>The model still asked for functions after the round limit; they were not run.</summary>
    public const string MaxRounds = "maxRounds";
}

/// <summary>One function call of the turn; <paramref name="Error"/> is the failure text when <paramref name="Ok"/> is false.</summary>
public sealed record JsonToolCall(
    string Function,
    string? Server,
    IReadOnlyDictionary<string, object?> Arguments,
    bool Ok,
    string? Error,
    double DurationMs);

/// <summary>Token counts the provider reported (null when it reported none).</summary>
public sealed record JsonUsage(long? InputTokens, long? OutputTokens, long? TotalTokens);

/// <summary>What <c>--json</c> prints when the command fails: <c>{"error": {"message": ..., "exitCode": n}}</c>.</summary>
public sealed record JsonErrorEnvelope(JsonError Error);

/// <summary>The failure: the same one line as on stderr, and the process exit code.</summary>
public sealed record JsonError(string Message, int ExitCode);
