using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Tests.Configuration;

/// <summary>The client-side keys of mcp.json: "roots" (top level and per server) and "oauth".</summary>
public sealed class McpConfigClientKeysTests
{
    private static readonly Dictionary<string, string?> s_noVariables = new();

    [Fact]
    public void Load_DeclaresNoRoots_WhenNoneAreConfigured()
    {
        using var config = new TempConfig("""{ "mcpServers": { "fs": { "command": "x" } } }""");

        var server = Assert.Single(McpConfigLoader.Load(config.Path, s_noVariables));

        Assert.Null(server.Roots);
        Assert.Null(server.OAuth);
    }

    [Fact]
    public void Load_GivesTopLevelRootsToEveryServer_AndAServersOwnRootsReplaceThem()
    {
        using var config = new TempConfig("""
            { "roots": ["notes", "file:///srv/data"],
              "mcpServers": { "a": { "command": "x" }, "b": { "command": "x", "roots": ["/opt/b/"] } } }
            """);

        var servers = McpConfigLoader.Load(config.Path, s_noVariables);

        Assert.Equal([new Uri(Path.Combine(config.Directory, "notes") + "/").AbsoluteUri, "file:///srv/data/"], servers[0].Roots);
        Assert.Equal(["file:///opt/b/"], servers[1].Roots);
    }

    [Theory]
    [InlineData("""{ "roots": "notes", "mcpServers": { "a": { "command": "x" } } }""", "server '(all servers)': \"roots\" must be an array of strings.")]
    [InlineData("""{ "mcpServers": { "a": { "command": "x", "roots": ["https://example.com/"] } } }""", "server 'a': root 'https://example.com/' must be a folder path or a file:// URI.")]
    [InlineData("""{ "mcpServers": { "a": { "url": "https://h/mcp", "oauth": "yes" } } }""", "server 'a': \"oauth\" must be an object (clientId, clientSecret, clientMetadataUrl, scopes) or false.")]
    [InlineData("""{ "mcpServers": { "a": { "url": "https://h/mcp", "oauth": { "clientMetadataUrl": "http://h/c.json" } } } }""", "server 'a': \"clientMetadataUrl\" must be an https:// URL with a path, not 'http://h/c.json'.")]
    public void Load_NamesTheProblem_WhenAClientKeyIsWrong(string json, string problem)
    {
        using var config = new TempConfig(json);

        var error = Assert.Throws<AgentConfigurationException>(() => McpConfigLoader.Load(config.Path, s_noVariables));

        Assert.EndsWith(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadsOAuthSettings_WithVariablesExpanded()
    {
        using var config = new TempConfig("""
            { "mcpServers": {
                "pre": { "url": "https://h/mcp", "oauth": { "clientId": "agent", "clientSecret": "${SECRET}", "scopes": ["read", "write"] } },
                "off": { "url": "https://h/mcp", "oauth": false } } }
            """);

        var servers = McpConfigLoader.Load(config.Path, new Dictionary<string, string?> { ["SECRET"] = "s3cret" });

        Assert.Equal(new McpOAuthSettings { ClientId = "agent", ClientSecret = "s3cret", Scopes = servers[0].OAuth!.Scopes }, servers[0].OAuth);
        Assert.Equal(["read", "write"], servers[0].OAuth!.Scopes);
        Assert.False(servers[1].OAuth!.Enabled);
    }

    [Theory]
    [InlineData("/srv/data", "file:///srv/data/")]
    [InlineData("/srv/data/", "file:///srv/data/")]
    [InlineData("file:///srv/data", "file:///srv/data/")]
    [InlineData("/", "file:///")]
    [InlineData("sub/dir", "file:///base/sub/dir/")]
    [InlineData("http://x/", null)]
    [InlineData(" ", null)]
    public void RootUris_MakesFolderUris(string value, string? expected) =>
        Assert.Equal(expected, RootUris.FromPathOrUri(value, "/base"));
}
