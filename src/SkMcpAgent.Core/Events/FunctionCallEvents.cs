namespace SkMcpAgent.Core.Events;

/// <summary>The model asked for a function call and it is about to run (after approval).</summary>
/// <param name="CallId">The model's id for the call; ties progress and finish to this start.</param>
/// <param name="FunctionName">The name the model used, e.g. <c>weather_get_forecast</c>.</param>
/// <param name="ServerName">The MCP server behind the function, or null for a local function.</param>
public sealed record FunctionCallStarted(
    string CallId,
    string FunctionName,
    string? ServerName,
    IReadOnlyDictionary<string, object?> Arguments) : AgentEvent;

/// <summary>A progress notification for a running call (MCP <c>notifications/progress</c>).</summary>
public sealed record FunctionCallProgressed(
    string CallId,
    string FunctionName,
    double Progress,
    double? Total,
    string? Message) : AgentEvent;

/// <summary>A call ended; <paramref name="ResultText"/> is what went back to the model (after any size cap).</summary>
public sealed record FunctionCallFinished(
    string CallId,
    string FunctionName,
    string? ServerName,
    IReadOnlyDictionary<string, object?> Arguments,
    TimeSpan Duration,
    bool Succeeded,
    string ResultText) : AgentEvent;
