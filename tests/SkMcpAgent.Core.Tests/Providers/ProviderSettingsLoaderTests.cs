using SkMcpAgent.Core.Providers;

namespace SkMcpAgent.Core.Tests.Providers;

public sealed class ProviderSettingsLoaderTests
{
    private const string EnvFile = "/home/me/project/.env";

    [Theory]
    [InlineData("azure-openai", LlmProvider.AzureOpenAI)]
    [InlineData("Azure", LlmProvider.AzureOpenAI)]
    [InlineData("OPENAI", LlmProvider.OpenAI)]
    [InlineData("anthropic", LlmProvider.Anthropic)]
    [InlineData("Claude", LlmProvider.Anthropic)]
    public void Load_SelectsProvider_WhenLlmProviderNamesIt(string value, LlmProvider expected)
    {
        var settings = Load(("LLM_PROVIDER", value), ("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com"),
            ("AZURE_OPENAI_DEPLOYMENT", "gpt-4o"), ("OPENAI_API_KEY", "k1"), ("ANTHROPIC_API_KEY", "k2"));

        Assert.Equal(expected, settings!.Provider);
    }

    [Fact]
    public void Load_ListsValidProviders_WhenLlmProviderIsUnknown()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => Load(("LLM_PROVIDER", "gemini")));

        Assert.Equal(
            $"LLM_PROVIDER in {EnvFile} is 'gemini', which is not a provider: use azure-openai (or azure), openai, anthropic (or claude).",
            error.Message);
    }

    [Fact]
    public void Load_ReturnsNull_WhenNoProviderIsConfigured()
    {
        Assert.Null(Load(("PATH", "/usr/bin"), ("OPENAI_API_KEY", "  ")));
    }

    [Fact]
    public void MissingProviderHint_NamesVariableAndFile()
    {
        Assert.Equal(
            $"No LLM provider is configured: set LLM_PROVIDER (azure-openai, openai or anthropic) and its key (e.g. OPENAI_API_KEY) in {EnvFile}; .env.example lists every variable.",
            ProviderSettingsLoader.MissingProviderHint(EnvFile));
    }

    [Fact]
    public void Load_InfersProvider_WhenOnlyOneProviderKeyIsPresent()
    {
        var settings = Load(("ANTHROPIC_API_KEY", "sk-ant"));

        Assert.Equal(LlmProvider.Anthropic, settings!.Provider);
        Assert.Equal(ProviderSettingsLoader.DefaultAnthropicModel, settings.Model);
        Assert.Equal(4096, settings.MaxOutputTokens);
        Assert.Null(settings.Endpoint);
    }

    [Fact]
    public void Load_AsksForLlmProvider_WhenSeveralProvidersArePresent()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => Load(("OPENAI_API_KEY", "a"), ("ANTHROPIC_API_KEY", "b")));

        Assert.Equal(
            $"OPENAI_API_KEY and ANTHROPIC_API_KEY are all set but LLM_PROVIDER is not: set LLM_PROVIDER in {EnvFile} to one of azure-openai (or azure), openai, anthropic (or claude).",
            error.Message);
    }

    [Fact]
    public void Load_ReadsAzureSettings_WhenComplete()
    {
        var settings = Load(("LLM_PROVIDER", "azure"), ("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com/"),
            ("AZURE_OPENAI_DEPLOYMENT", "my-gpt"), ("AZURE_OPENAI_API_KEY", "secret-key"));

        Assert.Equal("my-gpt", settings!.Model);
        Assert.Equal(new Uri("https://res.openai.azure.com/"), settings.Endpoint);
        Assert.Equal("Azure OpenAI", settings.DisplayName);
        Assert.Equal(EnvFile, settings.EnvFilePath);
        Assert.Equal("Azure OpenAI my-gpt at res.openai.azure.com", settings.ToString());
        Assert.Equal(new Uri("https://res.openai.azure.com/openai/v1/"), ChatClientFactory.AzureV1Endpoint(settings.Endpoint!));
    }

    [Theory]
    [InlineData("AZURE_OPENAI_ENDPOINT", "Azure OpenAI")]
    [InlineData("AZURE_OPENAI_DEPLOYMENT", "Azure OpenAI")]
    public void Load_NamesMissingVariableProviderAndFile_WhenAzureIsIncomplete(string missing, string provider)
    {
        var variables = new List<(string, string?)> { ("LLM_PROVIDER", "azure-openai"), ("AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com"), ("AZURE_OPENAI_DEPLOYMENT", "d") };
        variables.RemoveAll(v => v.Item1 == missing);
        variables.Add((missing, ""));

        var error = Assert.Throws<AgentConfigurationException>(() => Load([.. variables]));

        Assert.Equal($"{missing} is not set: {provider} needs it. Set it in {EnvFile}.", error.Message);
    }

    [Fact]
    public void Load_UsesEntraId_WhenAzureKeyIsMissing()
    {
        var settings = Load(("LLM_PROVIDER", "azure"), ("AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com"), ("AZURE_OPENAI_DEPLOYMENT", "d"));

        Assert.Null(settings!.ApiKey);
        Assert.EndsWith("(Microsoft Entra ID)", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RequiresHttps_WhenAzureUsesEntraId()
    {
        var error = Assert.Throws<AgentConfigurationException>(() =>
            Load(("LLM_PROVIDER", "azure"), ("AZURE_OPENAI_ENDPOINT", "http://r.local"), ("AZURE_OPENAI_DEPLOYMENT", "d")));

        Assert.Contains("needs an https:// endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains(EnvFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesKeyAndAlternative_WhenOpenAIKeyIsMissing()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => Load(("LLM_PROVIDER", "openai")));

        Assert.Equal(
            $"OPENAI_API_KEY is not set: OpenAI needs it (or set OPENAI_BASE_URL for an OpenAI-compatible server that needs no key). Set it in {EnvFile}.",
            error.Message);
    }

    [Fact]
    public void Load_AllowsNoKey_WhenOpenAIBaseUrlIsSet()
    {
        var settings = Load(("OPENAI_BASE_URL", "http://localhost:11434/v1"), ("OPENAI_MODEL", "llama3.2"));

        Assert.Equal(LlmProvider.OpenAI, settings!.Provider);
        Assert.Null(settings.ApiKey);
        Assert.Equal("llama3.2", settings.Model);
        Assert.Equal("localhost:11434", settings.EndpointHost);
    }

    [Fact]
    public void Load_UsesDefaultModel_WhenOpenAIModelIsUnset()
    {
        Assert.Equal(ProviderSettingsLoader.DefaultOpenAIModel, Load(("OPENAI_API_KEY", "k"))!.Model);
    }

    [Fact]
    public void Load_NamesKeyProviderAndEnvironment_WhenAnthropicKeyIsMissingWithoutEnvFile()
    {
        var error = Assert.Throws<AgentConfigurationException>(() =>
            ProviderSettingsLoader.Load(Variables(("LLM_PROVIDER", "claude")), envFilePath: null));

        Assert.Equal("ANTHROPIC_API_KEY is not set: Anthropic needs it. Set it in a .env file or the environment.", error.Message);
    }

    [Theory]
    [InlineData("LLM_MAX_OUTPUT_TOKENS", "lots", "a whole number from 1 to 1000000")]
    [InlineData("LLM_MAX_OUTPUT_TOKENS", "0", "a whole number from 1 to 1000000")]
    [InlineData("LLM_TEMPERATURE", "hot", "a number from 0 to 2")]
    [InlineData("LLM_TEMPERATURE", "2.5", "a number from 0 to 2")]
    [InlineData("LLM_TIMEOUT_SECONDS", "-1", "a number above 0 up to 3600")]
    [InlineData("LLM_MAX_RETRIES", "many", "a whole number from 0 to 10")]
    [InlineData("OPENAI_BASE_URL", "localhost:11434", "an absolute http:// or https:// URL")]
    public void Load_NamesVariableFileAndExpectation_WhenValueIsInvalid(string variable, string value, string expected)
    {
        var error = Assert.Throws<AgentConfigurationException>(() => Load(("OPENAI_API_KEY", "k"), (variable, value)));

        Assert.Equal($"{variable} in {EnvFile} must be {expected}, not '{value}'.", error.Message);
    }

    [Fact]
    public void Load_ReadsCommonSettings_WhenSet()
    {
        var settings = Load(("OPENAI_API_KEY", "k"), ("LLM_MAX_OUTPUT_TOKENS", "2048"), ("LLM_TEMPERATURE", "0.2"),
            ("LLM_TIMEOUT_SECONDS", "12.5"), ("LLM_MAX_RETRIES", "0"), ("SYSTEM_PROMPT", "You are terse."))!;

        Assert.Equal(2048, settings.MaxOutputTokens);
        Assert.Equal(0.2f, settings.Temperature);
        Assert.Equal(TimeSpan.FromSeconds(12.5), settings.Timeout);
        Assert.Equal(0, settings.MaxRetries);
        Assert.Equal("You are terse.", settings.SystemPrompt);
    }

    [Fact]
    public void ToString_NeverShowsApiKey()
    {
        var settings = Load(("OPENAI_API_KEY", "sk-very-secret"))!;

        Assert.DoesNotContain("sk-very-secret", settings.ToString(), StringComparison.Ordinal);
    }

    private static ProviderSettings? Load(params (string Name, string? Value)[] variables) =>
        ProviderSettingsLoader.Load(Variables(variables), EnvFile);

    internal static Dictionary<string, string?> Variables(params (string Name, string? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value);
}
