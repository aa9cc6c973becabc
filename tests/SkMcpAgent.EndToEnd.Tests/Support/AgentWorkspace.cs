using System.Text.Json;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;
using SkMcpAgent.Testing.Nws;

namespace SkMcpAgent.EndToEnd.Tests.Support;

/// <summary>
/// A temp folder with an mcp.json naming the real shipped servers (disk; weather pointed at a loopback NWS fake), a
/// loopback fake LLM, and helpers to write env files. Everything is removed on dispose.
/// </summary>
public sealed class AgentWorkspace : IAsyncDisposable
{
    private AgentWorkspace(string directory, FakeLlmServer llm, FakeNwsServer nws)
    {
        Directory = directory;
        Llm = llm;
        Nws = nws;
    }

    public string Directory { get; }

    public FakeLlmServer Llm { get; }

    public FakeNwsServer Nws { get; }

    public string ConfigPath => Path.Combine(Directory, "mcp.json");

    public static async Task<AgentWorkspace> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "skmcpagent-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var llm = await FakeLlmServer.StartAsync();
        var nws = await FakeNwsServer.StartAsync();
        var workspace = new AgentWorkspace(directory, llm, nws);
        // Only the disk server by default: every extra server is a process start per test on a busy machine.
        workspace.WriteConfig(includeWeather: false);
        return workspace;
    }

    public void WriteConfig(bool includeWeather)
    {
        var servers = new Dictionary<string, object>
        {
            ["disk"] = new { command = RepoPaths.ServerExecutable("DiskServer") },
        };
        if (includeWeather)
        {
            servers["weather"] = new
            {
                command = RepoPaths.ServerExecutable("WeatherServer"),
                env = new Dictionary<string, string> { ["NWS_BASE_URL"] = Nws.BaseUrl },
            };
        }

        File.WriteAllText(ConfigPath, JsonSerializer.Serialize(new { mcpServers = servers }));
    }

    /// <summary>Writes <c>.env</c> (or <paramref name="name"/>) pointing OpenAI at the fake.</summary>
    /// <summary>An env file for one provider at the fake LLM: openai, azure (v1 API), azure-deployments or anthropic.</summary>
    public string WriteProviderEnv(string provider, string name = ".env") => provider switch
    {
        "openai" => WriteOpenAIEnv(name),
        "azure" or "azure-deployments" => WriteFile(name, $"""
            LLM_PROVIDER=azure-openai
            AZURE_OPENAI_ENDPOINT={Llm.AzureEndpoint}
            AZURE_OPENAI_DEPLOYMENT=gpt-deployment
            AZURE_OPENAI_API_KEY=azure-test-not-a-secret
            LLM_MAX_RETRIES=0
            {(provider == "azure-deployments" ? "AZURE_OPENAI_API_VERSION=2024-10-21" : string.Empty)}
            """),
        "anthropic" => WriteFile(name, $"""
            LLM_PROVIDER=anthropic
            ANTHROPIC_API_KEY=sk-ant-test-not-a-secret
            ANTHROPIC_BASE_URL={Llm.AnthropicBaseUrl}
            LLM_MAX_RETRIES=0
            """),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "openai, azure, azure-deployments or anthropic"),
    };

    public string WriteOpenAIEnv(string name = ".env", string? extra = null)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, $"""
            LLM_PROVIDER=openai
            OPENAI_API_KEY=sk-test-not-a-secret
            OPENAI_BASE_URL={Llm.OpenAIBaseUrl}
            OPENAI_MODEL=gpt-test
            LLM_MAX_RETRIES=0
            {extra}
            """);
        return path;
    }

    /// <summary>An mcp.json with one node server, <paramref name="script"/>, given one environment variable.</summary>
    public void WriteNodeServerConfig(string name, string script, string variable, string value) =>
        File.WriteAllText(ConfigPath, JsonSerializer.Serialize(new
        {
            mcpServers = new Dictionary<string, object>
            {
                [name] = new { command = "node", args = new[] { script }, env = new Dictionary<string, string> { [variable] = value } },
            },
        }));

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public Task<(int ExitCode, AgentProcess Process)> RunAsync(params string[] args) => AgentProcess.RunAsync(Directory, args);

    public Task<(int ExitCode, AgentProcess Process)> RunWithInputAsync(string stdin, params string[] args) =>
        AgentProcess.RunAsync(Directory, args, stdin);

    /// <summary>The model asks for <paramref name="function"/>, then answers with the result it received.</summary>
    public void ScriptToolThenEcho(string function, string argumentsJson)
    {
        Llm.Responder = request => request.ToolResults().Count == 0
            ? FakeLlmReply.ToolCalls((function, argumentsJson))
            : FakeLlmReply.Text("Tool said: " + FirstLine(request.ToolResults()[^1].Content));
    }

    public static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();

    public async ValueTask DisposeAsync()
    {
        await Llm.DisposeAsync();
        await Nws.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
