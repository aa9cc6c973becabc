using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Tests.Configuration;

public sealed class McpConfigSizeLimitTests
{
    [Fact]
    public void Load_RefusesWithClearMessage_WhenFileIsLargerThanTheLimit()
    {
        using var config = new TempConfig(string.Empty);
        File.WriteAllText(config.Path, "{\"mcpServers\": {}}" + new string(' ', McpConfigLoader.MaxFileBytes));

        var error = Assert.Throws<AgentConfigurationException>(() => McpConfigLoader.Load(config.Path, new Dictionary<string, string?>()));

        Assert.Equal($"The MCP server list {config.Path} is too large: more than 4 MB (is it the right file?).", error.Message);
    }

    [Fact]
    public void Load_RefusesQuickly_WhenFileIsEndless()
    {
        Assert.True(File.Exists("/dev/zero"), "this test needs /dev/zero (Linux, macOS)");

        var error = Assert.Throws<AgentConfigurationException>(() => McpConfigLoader.Load("/dev/zero", new Dictionary<string, string?>()));

        Assert.Contains("/dev/zero is too large", error.Message, StringComparison.Ordinal);
    }
}
