using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Tests.Configuration;

/// <summary>Server lists as Claude Desktop, Claude Code and Gemini CLI write them, read as they are.</summary>
public sealed class OtherToolsConfigTests
{
    private static readonly Dictionary<string, string?> s_variables = new() { ["EXTERNAL_API_KEY"] = "ext-1", ["API_KEY"] = "k-2" };

    [Fact]
    public void ClaudeDesktopFile_IsReadVerbatim()
    {
        // claude_desktop_config.json, as the Claude Desktop quick-start writes it.
        using var config = new TempConfig("""
            {
              "mcpServers": {
                "filesystem": {
                  "command": "npx",
                  "args": [
                    "-y",
                    "@modelcontextprotocol/server-filesystem",
                    "/Users/username/Desktop",
                    "/Users/username/Downloads"
                  ]
                }
              }
            }
            """);
        var warnings = new List<string>();

        var server = Assert.Single(McpConfigLoader.Load(config.Path, s_variables, Warnings(warnings)));

        Assert.Equal("npx", server.Command);
        Assert.Equal("/Users/username/Downloads", server.Args[^1]);
        Assert.Empty(warnings);
    }

    [Fact]
    public void ClaudeCodeProjectFile_IsReadVerbatim()
    {
        // .mcp.json as `claude mcp add --scope project` writes it.
        using var config = new TempConfig("""
            {
              "mcpServers": {
                "shared-server": {
                  "type": "stdio",
                  "command": "/path/to/server",
                  "args": [],
                  "env": {}
                },
                "api-server": {
                  "type": "http",
                  "url": "${API_BASE_URL:-https://api.example.com}/mcp",
                  "headers": {
                    "Authorization": "Bearer ${API_KEY}"
                  }
                }
              }
            }
            """);
        var warnings = new List<string>();

        var servers = McpConfigLoader.Load(config.Path, s_variables, Warnings(warnings));

        var api = servers.Single(s => s.Name == "api-server");
        Assert.Equal("https://api.example.com/mcp", api.Url);
        Assert.Equal("Bearer k-2", api.Headers["Authorization"]);
        Assert.Equal(McpTransportKind.Stdio, servers.Single(s => s.Name == "shared-server").Transport);
        Assert.Empty(warnings);
    }

    [Fact]
    public void GeminiSettings_HttpUrlIncludeAndExcludeTools_AreUnderstood()
    {
        // ~/.gemini/settings.json: other settings beside mcpServers, Gemini's own keys in the entries.
        using var config = new TempConfig("""
            {
              "theme": "GitHub",
              "mcpServers": {
                "pythonTools": {
                  "command": "python",
                  "args": ["-m", "my_mcp_server", "--port", "8080"],
                  "cwd": "./mcp-servers/python",
                  "env": { "API_KEY": "${EXTERNAL_API_KEY}" },
                  "timeout": 15000,
                  "trust": false,
                  "includeTools": ["safe_tool", "file_reader"]
                },
                "httpServerWithAuth": {
                  "httpUrl": "http://localhost:3000/mcp",
                  "headers": { "Authorization": "Bearer your-api-token" },
                  "timeout": 5000,
                  "excludeTools": ["dangerous_tool"]
                }
              }
            }
            """);
        var warnings = new List<string>();

        var servers = McpConfigLoader.Load(config.Path, s_variables, Warnings(warnings));

        var python = servers.Single(s => s.Name == "pythonTools");
        Assert.True(python.IsToolAllowed("safe_tool"));
        Assert.False(python.IsToolAllowed("delete_everything"));
        Assert.Equal("ext-1", python.Env["API_KEY"]);
        var http = servers.Single(s => s.Name == "httpServerWithAuth");
        Assert.Equal(McpTransportKind.Http, http.Transport);
        Assert.Equal("http://localhost:3000/mcp", http.Url);
        Assert.False(http.IsToolAllowed("dangerous_tool"));
        Assert.True(http.IsToolAllowed("read"));
        Assert.Empty(warnings);
    }

    [Fact]
    public void UnknownKey_IsWarned_NamingItTheNearestKnownOneAndWhere()
    {
        using var config = new TempConfig("""
            {
              "mcpServers": {
                "files": {
                  "command": "npx",
                  "excludedTool": ["write_file"]
                }
              }
            }
            """);
        var warnings = new List<string>();

        var server = Assert.Single(McpConfigLoader.Load(config.Path, s_variables, Warnings(warnings)));

        var warning = Assert.Single(warnings);
        Assert.Equal($"files: {config.Path}:5:23: unknown key \"excludedTool\" is ignored (the nearest known key is \"excludedTools\").", warning);
        Assert.True(server.IsToolAllowed("write_file"));
    }

    private static McpConfigReadOptions Warnings(List<string> warnings) =>
        new() { Warn = (server, message) => warnings.Add($"{server}: {message}") };
}
