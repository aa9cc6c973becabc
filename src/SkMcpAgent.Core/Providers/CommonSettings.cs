namespace SkMcpAgent.Core.Providers;

/// <summary>The settings every provider shares (LLM_* and SYSTEM_PROMPT*), read before the provider's own.</summary>
internal sealed record CommonSettings(
    int? MaxOutputTokens, float? Temperature, string? SystemPrompt, TimeSpan Timeout, int MaxRetries, VariableSources Sources)
{
    public ProviderSettings With(LlmProvider provider, string model, Uri? endpoint, string? apiKey, string? azureApiVersion = null) => new()
    {
        AzureApiVersion = azureApiVersion,
        Provider = provider,
        Model = model,
        Endpoint = endpoint,
        ApiKey = apiKey,
        MaxOutputTokens = MaxOutputTokens,
        Temperature = Temperature,
        SystemPrompt = SystemPrompt,
        Timeout = Timeout,
        MaxRetries = MaxRetries,
        EnvFilePath = Sources.EnvFilePath,
        Sources = Sources,
    };
}
