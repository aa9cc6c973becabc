using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Tests.Configuration;

/// <summary>A <c>.vscode/mcp.json</c> as VS Code writes it, read verbatim.</summary>
public sealed class VsCodeConfigTests : IDisposable
{
    // VS Code's own example shape: inputs for secrets, ${workspaceFolder}, ${env:...}, envFile.
    private const string VsCodeFile = """
        {
            "inputs": [
                {
                    "type": "promptString",
                    "id": "perplexity-key",
                    "description": "Perplexity API Key",
                    "password": true
                },
                {
                    "type": "promptString",
                    "id": "region",
                    "description": "Region",
                    "default": "eu"
                }
            ],
            "servers": {
                "Perplexity": {
                    "type": "stdio",
                    "command": "npx",
                    "args": ["-y", "server-perplexity-ask"],
                    "env": {
                        "PERPLEXITY_API_KEY": "${input:perplexity-key}",
                        "REGION": "${input:region}"
                    }
                },
                "memory": {
                    "command": "npx",
                    "args": ["-y", "@modelcontextprotocol/server-memory"],
                    "envFile": "${workspaceFolder}/.env",
                    "env": { "HOME_DIR": "${env:HOME}" }
                },
                "github": {
                    "type": "http",
                    "url": "https://api.githubcopilot.com/mcp/",
                    "headers": { "Authorization": "Bearer ${input:perplexity-key}" }
                }
            }
        }
        """;

    private readonly string _workspace = Directory.CreateTempSubdirectory("skmcp-vscode-").FullName;

    public VsCodeConfigTests()
    {
        Directory.CreateDirectory(Path.Combine(_workspace, ".vscode"));
        File.WriteAllText(ConfigPath, VsCodeFile);
        File.WriteAllText(Path.Combine(_workspace, ".env"), "MEMORY_FILE_PATH=/data/memory.json\nHOME_DIR=from-file\n");
    }

    private string ConfigPath => Path.Combine(_workspace, ".vscode", "mcp.json");

    [Fact]
    public void Load_ExpandsWorkspaceFolderEnvAndEnvFile()
    {
        var servers = McpConfigLoader.Load(ConfigPath, Variables(("HOME", "/home/me"), ("SKMCPAGENT_INPUT_PERPLEXITY_KEY", "pplx-1")));

        var memory = servers.Single(s => s.Name == "memory");
        Assert.Equal("/data/memory.json", memory.Env["MEMORY_FILE_PATH"]);
        // The entry's own env wins over its envFile, as in VS Code.
        Assert.Equal("/home/me", memory.Env["HOME_DIR"]);
    }

    [Fact]
    public void Load_TakesInputsFromTheirVariable_WithoutAsking()
    {
        var asker = new RecordingInputs();

        var servers = McpConfigLoader.Load(
            ConfigPath,
            Variables(("HOME", "/home/me"), ("SKMCPAGENT_INPUT_PERPLEXITY_KEY", "pplx-1")),
            new McpConfigReadOptions { Inputs = asker });

        Assert.Equal("pplx-1", servers.Single(s => s.Name == "Perplexity").Env["PERPLEXITY_API_KEY"]);
        Assert.Equal("Bearer pplx-1", servers.Single(s => s.Name == "github").Headers["Authorization"]);
        Assert.Equal(["region"], asker.Asked.Select(static i => i.Id));
        Assert.Equal("eu", servers.Single(s => s.Name == "Perplexity").Env["REGION"]);
    }

    [Fact]
    public void Load_AsksForEachInputOnce_MaskedWhenPassword()
    {
        var asker = new RecordingInputs { Answer = "typed-key" };

        var servers = McpConfigLoader.Load(ConfigPath, Variables(("HOME", "/home/me")), new McpConfigReadOptions { Inputs = asker });

        var key = Assert.Single(asker.Asked, static i => i.Id == "perplexity-key");
        Assert.True(key.Password);
        Assert.Equal("Perplexity API Key", key.Description);
        Assert.Equal("Bearer typed-key", servers.Single(s => s.Name == "github").Headers["Authorization"]);
    }

    [Fact]
    public void Load_WithoutAnyoneToAsk_NamesTheVariableToSet()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => McpConfigLoader.Load(ConfigPath, Variables(("HOME", "/home/me"))));

        Assert.Contains("server 'Perplexity': input 'perplexity-key' has no value: set SKMCPAGENT_INPUT_PERPLEXITY_KEY", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(ConfigPath + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingEnvFile_IsAnErrorNamingIt()
    {
        File.Delete(Path.Combine(_workspace, ".env"));

        var error = Assert.Throws<AgentConfigurationException>(
            () => McpConfigLoader.Load(ConfigPath, Variables(("HOME", "/home/me"), ("SKMCPAGENT_INPUT_PERPLEXITY_KEY", "k"))));

        Assert.Contains($"server 'memory': envFile {Path.Combine(_workspace, ".env")} does not exist.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnsetEnvReference_NamesTheVariable()
    {
        var error = Assert.Throws<AgentConfigurationException>(
            () => McpConfigLoader.Load(ConfigPath, Variables(("SKMCPAGENT_INPUT_PERPLEXITY_KEY", "k"))));

        Assert.Contains("variable ${env:HOME} is not set (set HOME", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DisabledServer_NeitherAsksForNorRequiresItsInputs()
    {
        File.WriteAllText(ConfigPath, """
            {
                "inputs": [
                    { "type": "promptString", "id": "shared", "description": "Shared" },
                    { "type": "promptString", "id": "only-off", "description": "Only the disabled server", "password": true }
                ],
                "servers": {
                    "on":  { "command": "run-on", "args": ["${input:shared}"] },
                    "off": { "type": "http", "url": "https://example.com/mcp", "disabled": true,
                             "headers": { "Authorization": "Bearer ${input:only-off}", "X-Shared": "${input:shared}" } },
                    "off-stdio": { "command": "${input:only-off}", "envFile": "missing.env", "disabled": true }
                }
            }
            """);
        var asker = new RecordingInputs { Answer = "typed" };

        var servers = McpConfigLoader.Load(ConfigPath, Variables(), new McpConfigReadOptions { Inputs = asker });

        Assert.Equal(["shared"], asker.Asked.Select(static i => i.Id));
        Assert.Equal(["typed"], servers.Single(s => s.Name == "on").Args);
        var off = servers.Single(s => s.Name == "off");
        Assert.True(off.Disabled);
        // What never resolves stays as written; what the enabled server was given is reused.
        Assert.Equal("Bearer ${input:only-off}", off.Headers["Authorization"]);
        Assert.Equal("typed", off.Headers["X-Shared"]);
    }

    [Fact]
    public void Load_DisabledServerInput_IsNotRequired_WhenNobodyCanBeAsked()
    {
        File.WriteAllText(ConfigPath, """
            {
                "inputs": [ { "type": "promptString", "id": "api-key", "password": true } ],
                "servers": {
                    "local": { "command": "run-local" },
                    "remote": { "type": "http", "url": "https://example.com/mcp", "headers": { "Authorization": "Bearer ${input:api-key}" }, "disabled": true }
                }
            }
            """);

        var servers = McpConfigLoader.Load(ConfigPath, Variables());

        Assert.Equal(["local", "remote"], servers.Select(static s => s.Name));
    }

    [Fact]
    public void Load_EnabledServerInput_IsStillRequired_WhenADisabledOneSharesIt()
    {
        File.WriteAllText(ConfigPath, """
            {
                "servers": {
                    "on":  { "command": "run-on", "env": { "KEY": "${input:api-key}" } },
                    "off": { "command": "run-off", "env": { "KEY": "${input:api-key}" }, "disabled": true }
                }
            }
            """);

        var error = Assert.Throws<AgentConfigurationException>(() => McpConfigLoader.Load(ConfigPath, Variables()));

        Assert.Contains("server 'on': input 'api-key' (it is not declared in \"inputs\") has no value", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    private static Dictionary<string, string?> Variables(params (string Name, string Value)[] values) =>
        values.ToDictionary(static v => v.Name, static v => (string?)v.Value, StringComparer.Ordinal);

    private sealed class RecordingInputs : IMcpInputSource
    {
        public List<McpInput> Asked { get; } = [];

        public string? Answer { get; init; }

        public string? Ask(McpInput input)
        {
            Asked.Add(input);
            return Answer;
        }
    }
}
