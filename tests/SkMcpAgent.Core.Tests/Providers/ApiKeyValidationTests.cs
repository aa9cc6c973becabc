using SkMcpAgent.Core.Providers;

namespace SkMcpAgent.Core.Tests.Providers;

public sealed class ApiKeyValidationTests
{
    private const string EnvFile = "/home/me/project/.env";

    public static TheoryData<string, string, string> BadKeys => new()
    {
        { "OPENAI_API_KEY", "sk-Zq7Wx9Kp3Lm5\u00e9Nb8Vc2Hd", "openai" },
        { "OPENAI_API_KEY", "\u201csk-Zq7Wx9Kp3Lm5Nb8Vc2Hd\u201d", "openai" },
        { "ANTHROPIC_API_KEY", "sk-ant-Zq7Wx9Kp3Lm5\u00a0Nb8Vc2Hd", "anthropic" },
        { "AZURE_OPENAI_API_KEY", "Zq7Wx9Kp3Lm5\u0000Nb8Vc2Hd", "azure-openai" },
        { "OPENAI_API_KEY", "sk-Zq7Wx9Kp3Lm5 Nb8Vc2Hd", "openai" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void Load_NamesVariableAndFileWithoutTheKey_WhenKeyHasCharactersHttpHeadersRefuse(string variable, string key, string provider)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["LLM_PROVIDER"] = provider,
            ["AZURE_OPENAI_ENDPOINT"] = "https://res.openai.azure.com",
            ["AZURE_OPENAI_DEPLOYMENT"] = "gpt-4o",
            [variable] = key,
        };

        var error = Assert.Throws<AgentConfigurationException>(() => ProviderSettingsLoader.Load(variables, EnvFile));

        Assert.StartsWith($"{variable} in {EnvFile} has a character that cannot be sent in an HTTP header", error.Message, StringComparison.Ordinal);
        for (var i = 0; i + 4 <= key.Length; i++)
        {
            Assert.DoesNotContain(key.Substring(i, 4), error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_AcceptsKey_WhenItIsVisibleAsciiWithSurroundingSpaces()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["LLM_PROVIDER"] = "openai",
            ["OPENAI_API_KEY"] = "  sk-proj_Ab.9~x=+/  ",
        };

        var settings = ProviderSettingsLoader.Load(variables, EnvFile);

        Assert.Equal("sk-proj_Ab.9~x=+/", settings!.ApiKey);
    }
}
