using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>Settings that point each provider's real SDK at a <see cref="FakeLlmServer"/>.</summary>
internal static class ProviderTestSettings
{
    public const string ApiKey = "sk-test-SECRET-4f9c2a7e";

    public static ProviderSettings For(
        LlmProvider provider, FakeLlmServer server, int maxRetries = 0, TimeSpan? timeout = null, string? apiKey = ApiKey, string? envFile = "/tmp/test.env") => new()
    {
        Provider = provider,
        Model = provider switch
        {
            LlmProvider.AzureOpenAI => "my-deployment",
            LlmProvider.OpenAI => "gpt-test",
            _ => "claude-test",
        },
        Endpoint = new Uri(provider switch
        {
            LlmProvider.AzureOpenAI => server.AzureEndpoint,
            LlmProvider.OpenAI => server.OpenAIBaseUrl,
            _ => server.AnthropicBaseUrl,
        }),
        ApiKey = apiKey,
        MaxOutputTokens = provider == LlmProvider.Anthropic ? 1024 : null,
        MaxRetries = maxRetries,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
        EnvFilePath = envFile,
    };

    public static TheoryData<LlmProvider> AllProviders => [LlmProvider.AzureOpenAI, LlmProvider.OpenAI, LlmProvider.Anthropic];
}
