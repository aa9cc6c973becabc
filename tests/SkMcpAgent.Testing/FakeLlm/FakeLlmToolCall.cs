namespace SkMcpAgent.Testing.FakeLlm;

/// <summary>One tool call the fake model asks for. <paramref name="ArgumentsJson"/> is sent verbatim (it may be invalid JSON on purpose).</summary>
public sealed record FakeLlmToolCall(string Name, string ArgumentsJson, string? Id = null);
