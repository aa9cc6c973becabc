namespace SkMcpAgent.Core.Providers;

/// <summary>
/// Everything needed to build the chat client for one provider, read from the env file and environment by
/// <see cref="ProviderSettingsLoader"/>. <see cref="ToString"/> never shows the API key.
/// </summary>
public sealed class ProviderSettings
{
    public required LlmProvider Provider { get; init; }

    /// <summary>The model name; for Azure OpenAI, the deployment name.</summary>
    public required string Model { get; init; }

    /// <summary>The Azure resource endpoint, or the OpenAI / Anthropic base URL when set; null for the provider's default.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The API key; null for Azure with Microsoft Entra ID, or an OpenAI-compatible server that needs none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Azure OpenAI only: AZURE_OPENAI_API_VERSION. Set, requests go to the classic
    /// <c>{endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...</c>; unset, to the v1 API.
    /// </summary>
    public string? AzureApiVersion { get; init; }

    public int? MaxOutputTokens { get; init; }

    public float? Temperature { get; init; }

    public string? SystemPrompt { get; init; }

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan Timeout { get; init; } = ProviderSettingsLoader.DefaultTimeout;

    /// <summary>How many times the SDK retries a 408/429/5xx answer or a network failure (honouring Retry-After).</summary>
    public int MaxRetries { get; init; } = ProviderSettingsLoader.DefaultMaxRetries;

    /// <summary>The env file the settings came from, named in error messages; null when none was read.</summary>
    public string? EnvFilePath { get; init; }

    /// <summary>"Azure OpenAI", "OpenAI" or "Anthropic".</summary>
    public string DisplayName => DisplayNameOf(Provider);

    /// <summary>The variable holding the key for this provider, named in authentication errors.</summary>
    public string ApiKeyVariable => Provider switch
    {
        LlmProvider.AzureOpenAI => ProviderVariables.AzureApiKey,
        LlmProvider.OpenAI => ProviderVariables.OpenAIApiKey,
        _ => ProviderVariables.AnthropicApiKey,
    };

    /// <summary>The variable holding the model (deployment for Azure), named in "not found" errors.</summary>
    public string ModelVariable => Provider switch
    {
        LlmProvider.AzureOpenAI => ProviderVariables.AzureDeployment,
        LlmProvider.OpenAI => ProviderVariables.OpenAIModel,
        _ => ProviderVariables.AnthropicModel,
    };

    /// <summary>The variable holding the endpoint, named in network errors.</summary>
    public string EndpointVariable => Provider switch
    {
        LlmProvider.AzureOpenAI => ProviderVariables.AzureEndpoint,
        LlmProvider.OpenAI => ProviderVariables.OpenAIBaseUrl,
        _ => ProviderVariables.AnthropicBaseUrl,
    };

    /// <summary>The host the requests go to, for messages ("api.openai.com" when no base URL is set).</summary>
    public string EndpointHost => Endpoint?.Authority ?? Provider switch
    {
        LlmProvider.OpenAI => "api.openai.com",
        LlmProvider.Anthropic => "api.anthropic.com",
        _ => "(no endpoint)",
    };

    /// <summary>Where the variables came from, for messages: the env file, or the environment when no file was read.</summary>
    public string Source => ProviderSettingsLoader.DescribeSource(EnvFilePath);

    /// <summary>Where each variable came from (the process environment wins over the file); the file for all when unset.</summary>
    public VariableSources? Sources { get; init; }

    /// <summary>Where <paramref name="variable"/> was read, for "check X in ..." messages.</summary>
    public string SourceOf(string variable) => Sources?.Of(variable) ?? Source;

    public static string DisplayNameOf(LlmProvider provider) => provider switch
    {
        LlmProvider.AzureOpenAI => "Azure OpenAI",
        LlmProvider.OpenAI => "OpenAI",
        _ => "Anthropic",
    };

    public override string ToString() =>
        $"{DisplayName} {Model} at {EndpointHost}{(ApiKey is null ? (Provider == LlmProvider.AzureOpenAI ? " (Microsoft Entra ID)" : " (no API key)") : "")}";
}
