using System.Reflection;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Providers;

public sealed class EnvExampleTests
{
    private static readonly string s_path = Path.Combine(RepoPaths.Root, ".env.example");

    [Fact]
    public void EnvExample_DocumentsEveryProviderVariable()
    {
        var lines = File.ReadAllLines(s_path).Select(l => l.TrimStart('#', ' ')).ToList();
        var names = typeof(ProviderVariables).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

        Assert.All(names, name => Assert.Contains(lines, l => l.StartsWith(name + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public void EnvExample_ActiveBlockAsksForTheOpenAIKey_WhenCopiedUnchanged()
    {
        var variables = DotNetEnv.Env.NoEnvVars().Load(s_path).ToDictionary(p => p.Key, p => (string?)p.Value);

        var error = Assert.Throws<AgentConfigurationException>(() => ProviderSettingsLoader.Load(variables, s_path));

        Assert.Equal("openai", variables["LLM_PROVIDER"]);
        Assert.StartsWith("OPENAI_API_KEY is not set: OpenAI needs it", error.Message, StringComparison.Ordinal);
    }
}
