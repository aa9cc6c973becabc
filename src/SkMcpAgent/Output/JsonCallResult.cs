namespace SkMcpAgent.Output;

/// <summary>What <c>call --json</c> prints: the function's text in <paramref name="Result"/>, or the failure in <paramref name="Error"/>.</summary>
public sealed record JsonCallResult(string Function, string? Server, bool Ok, string? Result, string? Error, double DurationMs);
