namespace SkMcpAgent.Testing.FakeLlm;

/// <summary>
/// What the fake model answers to one request. The same reply is written in whichever protocol the request came in
/// (OpenAI or Anthropic, JSON or SSE), so one script serves every provider.
/// </summary>
public sealed record FakeLlmReply
{
    private FakeLlmReply()
    {
    }

    /// <summary>Assistant text (also sent before tool calls when both are set).</summary>
    public string? Content { get; private init; }

    public IReadOnlyList<FakeLlmToolCall> Calls { get; private init; } = [];

    /// <summary>A non-success HTTP status to answer with, with the provider's error JSON.</summary>
    public int? ErrorStatus { get; private init; }

    public string? ErrorMessage { get; private init; }

    /// <summary>Sent as the Retry-After header (seconds) with an error status.</summary>
    public int? RetryAfterSeconds { get; private init; }

    /// <summary>Sent as the retry-after-ms header with an error status (the Anthropic SDK only honours a positive wait).</summary>
    public int? RetryAfterMilliseconds { get; private init; }

    /// <summary>Never answer: hold the request open until the client gives up (for timeout tests).</summary>
    public bool Stall { get; private init; }

    public int InputTokens { get; init; } = 11;

    public int OutputTokens { get; init; } = 7;

    /// <summary>How many pieces streamed text and each tool call's arguments are cut into.</summary>
    public int StreamPieces { get; init; } = 3;

    /// <summary>Overrides the finish reason (protocol spelling: "length" for OpenAI, "max_tokens" for Anthropic).</summary>
    public string? FinishReason { get; init; }

    /// <summary>Ends the response early, without the protocol's final event (see <see cref="FakeLlmCut"/>).</summary>
    public FakeLlmCut Cut { get; init; }

    public static FakeLlmReply Text(string text) => new() { Content = text };

    public static FakeLlmReply ToolCalls(params (string Name, string ArgumentsJson)[] calls) =>
        new() { Calls = [.. calls.Select(c => new FakeLlmToolCall(c.Name, c.ArgumentsJson))] };

    public static FakeLlmReply ToolCalls(string? text, params FakeLlmToolCall[] calls) =>
        new() { Content = text, Calls = calls };

    public static FakeLlmReply Error(int status, int? retryAfterSeconds = null, string? message = null, int? retryAfterMilliseconds = null) =>
        new() { ErrorStatus = status, RetryAfterSeconds = retryAfterSeconds, ErrorMessage = message, RetryAfterMilliseconds = retryAfterMilliseconds };

    public static FakeLlmReply Stalled() => new() { Stall = true };
}
