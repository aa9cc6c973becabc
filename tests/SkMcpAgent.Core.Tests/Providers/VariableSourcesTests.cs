using SkMcpAgent.Core.Providers;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>Messages name where a value came from when the process environment overrides the env file.</summary>
public sealed class VariableSourcesTests
{
    private const string EnvFile = "/home/me/project/.env.claude";

    [Fact]
    public void MissingKey_WhenLlmProviderIsExported_SaysTheProviderCameFromTheEnvironment()
    {
        // The shell exports LLM_PROVIDER=openai; the env file is an Anthropic one.
        var variables = new Dictionary<string, string?> { ["LLM_PROVIDER"] = "openai", ["ANTHROPIC_API_KEY"] = "sk-ant" };

        var error = Assert.Throws<AgentConfigurationException>(
            () => ProviderSettingsLoader.Load(variables, EnvFile, new HashSet<string> { "LLM_PROVIDER" }));

        Assert.StartsWith("OPENAI_API_KEY is not set: OpenAI needs it", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(
            $"Set it in {EnvFile}. (LLM_PROVIDER=openai comes from the process environment, which wins over {EnvFile}.)",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidValue_FromTheEnvironment_IsNotBlamedOnTheFile()
    {
        var variables = new Dictionary<string, string?> { ["LLM_PROVIDER"] = "gemini" };

        var error = Assert.Throws<AgentConfigurationException>(
            () => ProviderSettingsLoader.Load(variables, EnvFile, new HashSet<string> { "LLM_PROVIDER" }));

        Assert.StartsWith($"LLM_PROVIDER in the process environment (which wins over {EnvFile}) is 'gemini'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthenticationHint_NamesTheEnvironment_ForAnExportedKey()
    {
        var variables = new Dictionary<string, string?> { ["LLM_PROVIDER"] = "anthropic", ["ANTHROPIC_API_KEY"] = "sk-ant" };

        var settings = ProviderSettingsLoader.Load(variables, EnvFile, new HashSet<string> { "ANTHROPIC_API_KEY" })!;

        Assert.Equal($"the process environment (which wins over {EnvFile})", settings.SourceOf("ANTHROPIC_API_KEY"));
        Assert.Equal(EnvFile, settings.SourceOf("LLM_PROVIDER"));
    }

    [Fact]
    public void EnvFileLoad_RecordsWhichNamesTheProcessSet()
    {
        var folder = Directory.CreateTempSubdirectory("skmcp-env-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, ".env"), "ONLY_IN_FILE_7F3A=1\nPATH=/from/file\n");

            var result = SkMcpAgent.Core.Providers.EnvFile.Load(null, folder.FullName);

            Assert.False(result.Sources.IsFromProcess("ONLY_IN_FILE_7F3A"));
            Assert.True(result.Sources.IsFromProcess("PATH"));
            Assert.StartsWith("the process environment", result.Sources.Of("PATH"), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
