namespace SkMcpAgent.Core.Providers;

/// <summary>What a provider's API refuses, checked before a request is sent so the user hears it in one clear line.</summary>
public static class ProviderLimits
{
    /// <summary>OpenAI's Chat Completions API (and Azure OpenAI's) rejects a request with more tools than this.</summary>
    public const int OpenAIMaxTools = 128;

    /// <summary>
    /// The most functions one request may offer: 128 for OpenAI and Azure OpenAI; none for Anthropic (its API
    /// documents no such count) or for an OpenAI-compatible server at another address (Ollama, vLLM, ...), whose
    /// limits vary.
    /// </summary>
    public static int? MaxFunctionsPerRequest(ProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Provider switch
        {
            LlmProvider.AzureOpenAI => OpenAIMaxTools,
            LlmProvider.OpenAI when string.Equals(settings.EndpointHost, "api.openai.com", StringComparison.OrdinalIgnoreCase) => OpenAIMaxTools,
            _ => null,
        };
    }
}
