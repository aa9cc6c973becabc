using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Tests.Configuration;

public sealed class McpConfigLoaderErrorTests
{
    [Theory]
    [InlineData("{\n  \"mcpServers\": {\n    \"a\": { \"command\": \"x\" \"args\": [] }\n  }\n}", 3, 27, "invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'.")]
    [InlineData("{\n  \"mcpServers\": {\n    \"a\": { \"command\": \"x\", \"args\": \"--stdio\" }\n  }\n}", 3, 36, "server 'a': \"args\" must be an array of strings.")]
    [InlineData("{\n  \"mcpServers\": {\n    \"a\": { \"command\": \"x\", \"args\": [\"ok\", 3] }\n  }\n}", 3, 36, "server 'a': \"args\" must be an array of strings.")]
    [InlineData("{ \"mcpServers\": {\n  \"a\": { \"type\": \"websocket\", \"url\": \"ws://x\" } } }", 2, 18, "server 'a': unknown \"type\" 'websocket' (expected stdio, http, streamable-http or sse).")]
    [InlineData("{ \"mcpServers\": {\n  \"a\": { \"args\": [\"x\"] } } }", 2, 8, "server 'a' needs a \"command\" (stdio) or a \"url\" (http, sse).")]
    [InlineData("{ \"servers\": {\n  \"a\": { \"type\": \"stdio\" } } }", 2, 8, "server 'a': \"command\" is required for a stdio server.")]
    [InlineData("{ \"servers\": {\n  \"a\": { \"type\": \"sse\" } } }", 2, 8, "server 'a': \"url\" is required for a remote (sse) server.")]
    [InlineData("{ \"servers\": {\n  \"a\": { \"url\": \"localhost:3000\" } } }", 2, 17, "server 'a': \"url\" must be an absolute http:// or https:// URL, not 'localhost:3000'.")]
    [InlineData("{ \"servers\": {\n  \"a\": { \"command\": \"x\", \"env\": { \"K\": [1] } } } }", 2, 40, "server 'a': \"env.K\" must be a string.")]
    [InlineData("{ \"servers\": {\n  \"a\": { \"command\": \"x\", \"timeout\": -1 } } }", 2, 37, "server 'a': \"timeout\" must be a positive number of seconds.")]
    [InlineData("{ \"servers\": {\n  \"a\": { \"command\": \"x\", \"disabled\": \"yes\" } } }", 2, 38, "server 'a': \"disabled\" must be true or false.")]
    [InlineData("{ \"servers\": {\n  \"a\": \"npx server\" } }", 2, 8, "server 'a' must be an object.")]
    [InlineData("{ \"tools\": {} }", 1, 1, "no \"mcpServers\" (Claude) or \"servers\" (VS Code) object found.")]
    [InlineData("[1, 2]", 1, 1, "the server list must be a JSON object with \"mcpServers\" (Claude) or \"servers\" (VS Code).")]
    [InlineData("{ \"mcpServers\": [] }", 1, 17, "\"mcpServers\" must be an object mapping server names to entries.")]
    public void Load_ThrowsOneMessageWithFileLineAndColumn_WhenTheListIsWrong(string json, int line, int column, string problem)
    {
        using var config = new TempConfig(json);

        var error = Assert.Throws<AgentConfigurationException>(() => McpConfigLoader.Load(config.Path, new Dictionary<string, string?>()));

        Assert.Equal($"{config.Path}:{line}:{column}: {problem}", error.Message);
    }

    [Fact]
    public void Load_NamesTheVariableServerAndPlace_WhenAVariableIsUnset()
    {
        using var config = new TempConfig("{ \"mcpServers\": {\n  \"github\": { \"command\": \"x\", \"env\": { \"TOKEN\": \"${GITHUB_TOKEN}\" } } } }");

        var error = Assert.Throws<AgentConfigurationException>(() => McpConfigLoader.Load(config.Path, new Dictionary<string, string?>()));

        Assert.Equal($"{config.Path}:2:49: server 'github': variable ${{GITHUB_TOKEN}} is not set (set it, or write ${{GITHUB_TOKEN:-default}}).", error.Message);
    }

    [Fact]
    public void Load_SaysTheFileIsMissing_WhenItDoesNotExist()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "mcp.json");

        var error = Assert.Throws<AgentConfigurationException>(() => McpConfigLoader.Load(path));

        Assert.StartsWith($"Cannot read the MCP server list {path}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsAServerListedTwice()
    {
        using var config = new TempConfig("{ \"mcpServers\": { \"a\": { \"command\": \"x\" } },\n  \"servers\": { \"A\": { \"command\": \"y\" } } }");

        var error = Assert.Throws<AgentConfigurationException>(() => McpConfigLoader.Load(config.Path, new Dictionary<string, string?>()));

        Assert.Equal($"{config.Path}:2:21: server 'A' is listed twice.", error.Message);
    }
}
