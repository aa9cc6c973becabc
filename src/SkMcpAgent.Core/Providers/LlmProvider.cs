namespace SkMcpAgent.Core.Providers;

/// <summary>The LLM services the agent can talk to, chosen by LLM_PROVIDER.</summary>
public enum LlmProvider
{
    /// <summary>Azure OpenAI through its v1 endpoint (<c>{endpoint}/openai/v1/</c>); API key or Microsoft Entra ID.</summary>
    AzureOpenAI,

    /// <summary>OpenAI, or any server speaking its Chat Completions API (Ollama, LM Studio, vLLM, llama.cpp).</summary>
    OpenAI,

    /// <summary>Anthropic Claude through the Messages API.</summary>
    Anthropic,
}
