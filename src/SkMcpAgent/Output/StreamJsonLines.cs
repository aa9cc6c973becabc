namespace SkMcpAgent.Output;

// The bodies of the stream-json lines (StreamJsonWriter puts "type" first): named so they are source-generated.

/// <summary>The <c>session</c> line.</summary>
public sealed record StreamSession(string? Provider, string? Model, IEnumerable<StreamServer> Servers, IEnumerable<string> Functions);

/// <summary>A server in the <c>session</c> line, with how many functions it offers.</summary>
public sealed record StreamServer(string Name, string State, int Functions);

/// <summary>The <c>text</c> line: a piece of the answer.</summary>
internal sealed record StreamText(string Text);

/// <summary>The <c>function_call_started</c> line.</summary>
internal sealed record StreamCallStarted(string CallId, string Function, string? Server, IReadOnlyDictionary<string, object?> Arguments);

/// <summary>The <c>function_call_progress</c> line.</summary>
internal sealed record StreamCallProgress(string CallId, string Function, double Progress, double? Total, string? Message);

/// <summary>The <c>function_call_finished</c> line: the text in <paramref name="Result"/> or <paramref name="Error"/>.</summary>
internal sealed record StreamCallFinished(string CallId, string Function, string? Server, double DurationMs, bool Ok, string? Result, string? Error);

/// <summary>The <c>error</c> line for a server that failed.</summary>
internal sealed record StreamServerError(string Source, string Server, string Message);

/// <summary>The <c>error</c> line for the run's failure, with the process exit code.</summary>
internal sealed record StreamAgentError(string Source, string Message, int ExitCode);

/// <summary>The <c>warning</c> line.</summary>
internal sealed record StreamWarning(string Server, string Message);
