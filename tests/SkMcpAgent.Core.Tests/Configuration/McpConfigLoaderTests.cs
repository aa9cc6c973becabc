using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Tests.Configuration;

public sealed class McpConfigLoaderTests
{
    private static readonly Dictionary<string, string?> s_noVariables = [];

    [Fact]
    public void Load_ReadsClaudeShape_WithStdioEntries()
    {
        using var config = new TempConfig("""
            {
              // Claude Desktop / Claude Code
              "mcpServers": {
                "files": {
                  "command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"],
                  "env": { "LOG_LEVEL": "debug", "PORT": 8080 },
                  "timeout": 12.5,
                  "toolTimeout": 60,
                  "allowedTools": ["read_file"],
                  "excludedTools": ["write_file"],
                },
              },
            }
            """);

        var server = Assert.Single(McpConfigLoader.Load(config.Path, s_noVariables));

        Assert.Equal("files", server.Name);
        Assert.Equal(McpTransportKind.Stdio, server.Transport);
        Assert.Equal("npx", server.Command);
        Assert.Equal(["-y", "@modelcontextprotocol/server-filesystem", "/tmp"], server.Args);
        Assert.Equal("debug", server.Env["LOG_LEVEL"]);
        Assert.Equal("8080", server.Env["PORT"]);
        Assert.Equal(TimeSpan.FromSeconds(12.5), server.StartupTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), server.ToolTimeout);
        Assert.False(server.Disabled);
        Assert.True(server.IsToolAllowed("read_file"));
        Assert.False(server.IsToolAllowed("write_file"));
        Assert.False(server.IsToolAllowed("list_directory"));
    }

    [Fact]
    public void Load_ReadsVsCodeShape_IgnoringInputs()
    {
        using var config = new TempConfig("""
            {
              "inputs": [ { "type": "promptString", "id": "token", "password": true } ],
              "servers": {
                "local": { "type": "stdio", "command": "node", "args": ["server.js"] },
                "remote": { "type": "http", "url": "https://example.com/mcp", "headers": { "X-Key": "k" } },
                "streamable": { "type": "streamable-http", "url": "https://example.com/mcp" },
                "legacy": { "type": "sse", "url": "http://localhost:9000/sse", "disabled": true },
                "untyped": { "url": "http://localhost:9001/mcp" }
              }
            }
            """);

        var servers = McpConfigLoader.Load(config.Path, s_noVariables).ToDictionary(s => s.Name);

        Assert.Equal(McpTransportKind.Stdio, servers["local"].Transport);
        Assert.Equal(McpTransportKind.Http, servers["remote"].Transport);
        Assert.Equal("k", servers["remote"].Headers["X-Key"]);
        Assert.Equal(McpTransportKind.Http, servers["streamable"].Transport);
        Assert.Equal(McpTransportKind.Sse, servers["legacy"].Transport);
        Assert.True(servers["legacy"].Disabled);
        Assert.Equal(McpTransportKind.Http, servers["untyped"].Transport);
        Assert.Equal("http://localhost:9001/mcp", servers["untyped"].Url);
    }

    [Fact]
    public void Load_ExpandsVariablesAndDefaults_InEveryStringField()
    {
        using var config = new TempConfig("""
            {
              "mcpServers": {
                "a": { "command": "${TOOL}", "args": ["--user=${USER_NAME}", "${MISSING:-fallback}", "${EMPTY:-used-when-empty}"],
                       "env": { "KEY": "${SECRET}" }, "cwd": "${WORK}" },
                "b": { "url": "http://${HOST:-localhost}:${PORT}/mcp", "headers": { "Authorization": "Bearer ${TOKEN:-}" } }
              }
            }
            """);
        var variables = new Dictionary<string, string?>
        {
            ["TOOL"] = "uvx", ["USER_NAME"] = "ada", ["EMPTY"] = "", ["SECRET"] = "s3", ["WORK"] = "/srv/work", ["PORT"] = "5071",
        };

        var servers = McpConfigLoader.Load(config.Path, variables);

        Assert.Equal("uvx", servers[0].Command);
        Assert.Equal(["--user=ada", "fallback", "used-when-empty"], servers[0].Args);
        Assert.Equal("s3", servers[0].Env["KEY"]);
        Assert.Equal("/srv/work", servers[0].Cwd);
        Assert.Equal("http://localhost:5071/mcp", servers[1].Url);
        Assert.Equal("Bearer ", servers[1].Headers["Authorization"]);
    }

    [Fact]
    public void Load_ResolvesRelativePathsAgainstTheConfigFolder()
    {
        using var config = new TempConfig("""
            {
              "mcpServers": {
                "x": { "command": "./bin/server", "args": ["servers/x.dll", "./data", "@scope/package", "--flag", "plain", "https://a/b"], "cwd": "work" },
                "y": { "command": "dotnet", "args": ["../other/y.js"] }
              }
            }
            """);

        var servers = McpConfigLoader.Load(config.Path, s_noVariables);

        Assert.Equal(Path.Combine(config.Directory, "bin", "server"), servers[0].Command);
        Assert.Equal(
            [Path.Combine(config.Directory, "servers", "x.dll"), Path.Combine(config.Directory, "data"), "@scope/package", "--flag", "plain", "https://a/b"],
            servers[0].Args);
        Assert.Equal(Path.Combine(config.Directory, "work"), servers[0].Cwd);
        Assert.Equal("dotnet", servers[1].Command);
        Assert.Equal(Path.GetFullPath(Path.Combine(config.Directory, "..", "other", "y.js")), servers[1].Args[0]);
    }

    [Fact]
    public void FindDefault_ReturnsMcpJsonInTheFolder_OrNull()
    {
        using var config = new TempConfig("""{ "mcpServers": {} }""");
        var empty = Directory.CreateTempSubdirectory("skmcp-empty-");
        try
        {
            Assert.Equal(config.Path, McpConfigLoader.FindDefault(config.Directory));
            Assert.Null(McpConfigLoader.FindDefault(empty.FullName));
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Load_ReadsTheShippedServerList()
    {
        var path = Path.Combine(Testing.RepoPaths.Root, "mcp.json");

        var servers = McpConfigLoader.Load(path, s_noVariables).ToDictionary(s => s.Name);

        Assert.Equal(["disk", "weather", "weather-http"], servers.Keys.Order());
        Assert.Equal(Path.Combine(Testing.RepoPaths.Root, "artifacts", "servers", "DiskServer", "DiskServer"), servers["disk"].Command);
        Assert.Empty(servers["disk"].Args);
        Assert.Equal(Path.Combine(Testing.RepoPaths.Root, "artifacts", "servers", "WeatherServer", "WeatherServer"), servers["weather"].Command);
        Assert.False(servers["disk"].Disabled);
        Assert.False(servers["weather"].Disabled);
        Assert.True(servers["weather-http"].Disabled);
        Assert.Equal(McpTransportKind.Http, servers["weather-http"].Transport);
        Assert.Equal("http://127.0.0.1:5071/mcp", servers["weather-http"].Url);
        Assert.Equal("Bearer ", servers["weather-http"].Headers["Authorization"]);
    }
}
