namespace SkMcpAgent.Core.Providers;

/// <summary>The names of the environment variables the provider settings are read from (documented in .env.example).</summary>
public static class ProviderVariables
{
    public const string Provider = "LLM_PROVIDER";

    public const string AzureEndpoint = "AZURE_OPENAI_ENDPOINT";
    public const string AzureDeployment = "AZURE_OPENAI_DEPLOYMENT";
    public const string AzureApiKey = "AZURE_OPENAI_API_KEY";
    public const string AzureApiVersion = "AZURE_OPENAI_API_VERSION";

    public const string OpenAIApiKey = "OPENAI_API_KEY";
    public const string OpenAIModel = "OPENAI_MODEL";
    public const string OpenAIBaseUrl = "OPENAI_BASE_URL";

    public const string AnthropicApiKey = "ANTHROPIC_API_KEY";
    public const string AnthropicModel = "ANTHROPIC_MODEL";
    public const string AnthropicBaseUrl = "ANTHROPIC_BASE_URL";

    public const string MaxOutputTokens = "LLM_MAX_OUTPUT_TOKENS";
    public const string Temperature = "LLM_TEMPERATURE";
    public const string TimeoutSeconds = "LLM_TIMEOUT_SECONDS";
    public const string MaxRetries = "LLM_MAX_RETRIES";
    public const string SystemPrompt = "SYSTEM_PROMPT";
    public const string SystemPromptFile = "SYSTEM_PROMPT_FILE";
}
