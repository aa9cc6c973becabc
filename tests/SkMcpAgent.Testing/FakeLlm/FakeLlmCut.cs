namespace SkMcpAgent.Testing.FakeLlm;

/// <summary>
/// Where a reply's response ends early, as when the connection to the provider drops: the HTTP response ends
/// cleanly, but without the protocol's final event (OpenAI: the chunk with <c>finish_reason</c> and <c>data: [DONE]</c>;
/// Anthropic: <c>message_delta</c> with its stop reason and <c>message_stop</c>). A JSON (non-streaming) reply is cut
/// in the middle of its body, whatever the point.
/// </summary>
public enum FakeLlmCut
{
    /// <summary>The whole reply.</summary>
    None,

    /// <summary>After the first piece of the answer text.</summary>
    MidText,

    /// <summary>After the first piece of the first tool call's arguments.</summary>
    MidArguments,

    /// <summary>After every tool call (and text) is complete, before the final event.</summary>
    BeforeFinish,
}
