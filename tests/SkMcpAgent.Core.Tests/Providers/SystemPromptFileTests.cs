using SkMcpAgent.Core.Providers;

namespace SkMcpAgent.Core.Tests.Providers;

public sealed class SystemPromptFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-prompt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_ReadsPromptRelativeToEnvFile_WhenSystemPromptFileIsSet()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "prompts"));
        File.WriteAllText(Path.Combine(_folder, "prompts", "agent.md"), "You answer about weather.\n");
        var envFile = Path.Combine(_folder, ".env");

        var settings = ProviderSettingsLoader.Load(
            ProviderSettingsLoaderTests.Variables(("OPENAI_API_KEY", "k"), ("SYSTEM_PROMPT_FILE", "prompts/agent.md")), envFile);

        Assert.Equal("You answer about weather.", settings!.SystemPrompt);
    }

    [Fact]
    public void Load_NamesVariableAndPath_WhenSystemPromptFileIsMissing()
    {
        var envFile = Path.Combine(_folder, ".env");

        var error = Assert.Throws<AgentConfigurationException>(() => ProviderSettingsLoader.Load(
            ProviderSettingsLoaderTests.Variables(("OPENAI_API_KEY", "k"), ("SYSTEM_PROMPT_FILE", "missing.md")), envFile));

        Assert.StartsWith($"SYSTEM_PROMPT_FILE in {envFile} names {Path.Combine(_folder, "missing.md")}, which cannot be read: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RefusesBoth_WhenSystemPromptAndFileAreSet()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => ProviderSettingsLoader.Load(
            ProviderSettingsLoaderTests.Variables(("OPENAI_API_KEY", "k"), ("SYSTEM_PROMPT", "a"), ("SYSTEM_PROMPT_FILE", "b.md")), "/x/.env"));

        Assert.Equal("Both SYSTEM_PROMPT and SYSTEM_PROMPT_FILE are set in /x/.env: keep one.", error.Message);
    }
}
