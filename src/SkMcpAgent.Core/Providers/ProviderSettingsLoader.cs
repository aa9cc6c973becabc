namespace SkMcpAgent.Core.Providers;

/// <summary>Turns the variables of <see cref="EnvFile.Load"/> into <see cref="ProviderSettings"/>, with errors a user can act on.</summary>
public static partial class ProviderSettingsLoader
{
    /// <summary>The OpenAI model used when OPENAI_MODEL is unset: small, cheap, good at tool calling.</summary>
    public const string DefaultOpenAIModel = "gpt-4.1-mini";

    /// <summary>The Claude model used when ANTHROPIC_MODEL is unset (an alias of the SDK's model constants).</summary>
    public const string DefaultAnthropicModel = "claude-sonnet-4-5";

    /// <summary>Anthropic requires max_tokens on every request; this is sent when LLM_MAX_OUTPUT_TOKENS is unset.</summary>
    public const int DefaultAnthropicMaxOutputTokens = 4096;

    public const int DefaultMaxRetries = 3;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    private static readonly string ValidProviders = "azure-openai (or azure), openai, anthropic (or claude)";

    /// <summary>
    /// Reads the provider settings. Returns null when LLM_PROVIDER is unset and no provider's variables are present
    /// (the agent then runs without a model); see <see cref="MissingProviderHint"/>.
    /// </summary>
    /// <exception cref="AgentConfigurationException">A variable is missing or invalid; the message names it and the file.</exception>
    /// <param name="processNames">The names set by the process environment, so messages say where each value came from.</param>
    public static ProviderSettings? Load(IReadOnlyDictionary<string, string?> variables, string? envFilePath, IReadOnlySet<string>? processNames = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var reader = new VariableReader(variables, new VariableSources(envFilePath, processNames));

        var provider = SelectProvider(reader);
        if (provider is null)
        {
            return null;
        }

        var common = ReadCommon(reader, provider.Value);
        return provider.Value switch
        {
            LlmProvider.AzureOpenAI => ReadAzureOpenAI(reader, common),
            LlmProvider.OpenAI => ReadOpenAI(reader, common),
            _ => common.With(
                LlmProvider.Anthropic,
                reader.Get(ProviderVariables.AnthropicModel) ?? DefaultAnthropicModel,
                reader.OptionalUrl(ProviderVariables.AnthropicBaseUrl),
                reader.RequiredApiKey(ProviderVariables.AnthropicApiKey, "Anthropic")),
        };
    }

    /// <summary>One line telling the user which variable to set in which file to get a model.</summary>
    public static string MissingProviderHint(string? envFilePath) =>
        $"No LLM provider is configured: set {ProviderVariables.Provider} (azure-openai, openai or anthropic) and its key " +
        $"(e.g. {ProviderVariables.OpenAIApiKey}) in {envFilePath ?? Path.Combine(".", EnvFile.DefaultFileName)}; .env.example lists every variable.";

    internal static string DescribeSource(string? envFilePath) =>
        envFilePath ?? "the environment (no .env file was read)";

    private static LlmProvider? SelectProvider(VariableReader reader)
    {
        if (reader.Get(ProviderVariables.Provider) is { } name)
        {
            return name.Trim().ToUpperInvariant() switch
            {
                "AZURE-OPENAI" or "AZURE" or "AZUREOPENAI" or "AZURE_OPENAI" => LlmProvider.AzureOpenAI,
                "OPENAI" => LlmProvider.OpenAI,
                "ANTHROPIC" or "CLAUDE" => LlmProvider.Anthropic,
                _ => throw new AgentConfigurationException(
                    $"{ProviderVariables.Provider} in {reader.SourceOf(ProviderVariables.Provider)} is '{name}', which is not a provider: use {ValidProviders}."),
            };
        }

        // Without LLM_PROVIDER, the one provider whose variables are present is meant; several are ambiguous.
        var present = new List<(LlmProvider Provider, string Variable)>();
        if (reader.Get(ProviderVariables.AzureEndpoint) is not null)
        {
            present.Add((LlmProvider.AzureOpenAI, ProviderVariables.AzureEndpoint));
        }

        if (reader.Get(ProviderVariables.OpenAIApiKey) is not null || reader.Get(ProviderVariables.OpenAIBaseUrl) is not null)
        {
            present.Add((LlmProvider.OpenAI, reader.Get(ProviderVariables.OpenAIApiKey) is not null ? ProviderVariables.OpenAIApiKey : ProviderVariables.OpenAIBaseUrl));
        }

        if (reader.Get(ProviderVariables.AnthropicApiKey) is not null)
        {
            present.Add((LlmProvider.Anthropic, ProviderVariables.AnthropicApiKey));
        }

        return present.Count switch
        {
            0 => null,
            1 => present[0].Provider,
            _ => throw new AgentConfigurationException(
                $"{string.Join(" and ", present.Select(p => p.Variable))} are all set but {ProviderVariables.Provider} is not: " +
                $"set {ProviderVariables.Provider} in {reader.Source} to one of {ValidProviders}."),
        };
    }

    private static ProviderSettings ReadAzureOpenAI(VariableReader reader, CommonSettings common)
    {
        var endpoint = reader.RequiredUrl(ProviderVariables.AzureEndpoint, "Azure OpenAI");
        var deployment = reader.Required(ProviderVariables.AzureDeployment, "Azure OpenAI");
        var key = reader.ApiKey(ProviderVariables.AzureApiKey);

        // Bearer tokens are only ever sent over TLS; say so now rather than fail on the first question.
        if (key is null && endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new AgentConfigurationException(
                $"{ProviderVariables.AzureEndpoint} in {reader.SourceOf(ProviderVariables.AzureEndpoint)} is {endpoint}: Microsoft Entra ID sign-in (used because " +
                $"{ProviderVariables.AzureApiKey} is not set) needs an https:// endpoint.");
        }

        // Set: the classic deployments path that older resources and most existing .env files use; unset: the v1 API.
        var apiVersion = reader.Get(ProviderVariables.AzureApiVersion)?.Trim();
        return common.With(LlmProvider.AzureOpenAI, deployment, endpoint, key, string.IsNullOrEmpty(apiVersion) ? null : apiVersion);
    }

    private static ProviderSettings ReadOpenAI(VariableReader reader, CommonSettings common)
    {
        var baseUrl = reader.OptionalUrl(ProviderVariables.OpenAIBaseUrl);

        // Local OpenAI-compatible servers (Ollama, vLLM...) need no key; api.openai.com does.
        var key = baseUrl is null
            ? reader.RequiredApiKey(ProviderVariables.OpenAIApiKey, "OpenAI", $" (or set {ProviderVariables.OpenAIBaseUrl} for an OpenAI-compatible server that needs no key)")
            : reader.ApiKey(ProviderVariables.OpenAIApiKey);

        return common.With(LlmProvider.OpenAI, reader.Get(ProviderVariables.OpenAIModel) ?? DefaultOpenAIModel, baseUrl, key);
    }
}
