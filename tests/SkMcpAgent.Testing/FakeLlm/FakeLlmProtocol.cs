namespace SkMcpAgent.Testing.FakeLlm;

/// <summary>The wire protocol a request to <see cref="FakeLlmServer"/> arrived in, told apart by its path.</summary>
public enum FakeLlmProtocol
{
    /// <summary>OpenAI Chat Completions (<c>.../chat/completions</c>).</summary>
    OpenAI,

    /// <summary>Azure OpenAI v1 (<c>/openai/v1/chat/completions</c>): the OpenAI wire format under Azure's path.</summary>
    AzureOpenAI,

    /// <summary>Anthropic Messages (<c>/v1/messages</c>).</summary>
    Anthropic,

    /// <summary>OpenAI Responses (<c>/v1/responses</c>), as the Codex CLI speaks it.</summary>
    OpenAIResponses,
}
