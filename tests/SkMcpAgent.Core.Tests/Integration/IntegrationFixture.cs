using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing.Logging;
using System.Text.Json.Nodes;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Core.Tests.Mcp;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;
using SkMcpAgent.Testing.Nws;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>
/// What the integration tests share, wired as the console wires it: the fake LLM, the fake NWS, an mcp.json naming
/// the shipped weather and disk servers, server-everything and one server whose command does not exist, and the hub
/// running them as real processes. Each test scripts the fake model afresh with <see cref="Script"/>.
/// </summary>
public sealed class IntegrationFixture : IAsyncLifetime
{
    public const string ApiKey = "sk-test-SECRET123";

    public const string MissingCommand = "skmcp-no-such-server-command";

    private static readonly string[] s_processServers = ["weather", "disk", "everything"];

    private readonly string _marker = "SKMCP_INTEGRATION_MARKER=" + Guid.NewGuid().ToString("N");
    private int _scriptStart;

    public FakeLlmServer Llm { get; private set; } = null!;

    public FakeNwsServer Nws { get; private set; } = null!;

    public McpServerHub Hub { get; private set; } = null!;

    /// <summary>The hub's events (server states, function lists).</summary>
    public RecordingEventSink ServerEvents { get; } = new();

    /// <summary>Everything the hub and the servers' clients logged, at every level.</summary>
    public CapturingLoggerFactory HubLogs { get; } = new();

    /// <summary>The folder holding mcp.json and the env files, as a project folder would.</summary>
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "skmcp-integration-" + Guid.NewGuid().ToString("N"));

    /// <summary>The requests the fake model received since the last <see cref="Script"/>.</summary>
    public IReadOnlyList<FakeLlmRequest> Requests => [.. Llm.Requests.Skip(_scriptStart)];

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Llm = await FakeLlmServer.StartAsync();
        Nws = await FakeNwsServer.StartAsync();

        var configPath = Path.Combine(Directory, McpConfigLoader.DefaultFileName);
        await File.WriteAllTextAsync(configPath, ServerList());
        var servers = McpConfigLoader.Load(configPath, new Dictionary<string, string?>());

        var options = new McpHubOptions { Approval = new ApprovalPolicy(ApprovalMode.Auto) };
        Hub = new McpServerHub(servers, options, ServerEvents, HubLogs);
        Hub.Start();

        // Generous: three runtimes start at once on a busy machine. The hub's own start-up timeout still applies.
        using var startup = new CancellationTokenSource(TestTimeouts.Default * 2);
        await Hub.WaitForAllAsync(startup.Token);

        // server-everything adds its sampling tool once it has seen the client's capabilities (tools/list_changed).
        await ServerEvents.WaitForAsync<SkMcpAgent.Core.Events.ServerFunctionsChanged>(
            _ => Hub.GetFunctions().Any(f => f.Name == "everything_trigger_sampling_request"));
    }

    public async Task DisposeAsync()
    {
        var children = ChildProcessIds();
        await Hub.DisposeAsync();
        await Nws.DisposeAsync();
        await Llm.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);

        var alive = children.Where(ChildProcesses.IsAlive).ToList();
        if (children.Count != s_processServers.Length || alive.Count > 0)
        {
            throw new InvalidOperationException(
                $"Expected {s_processServers.Length} server processes before disposal, found {children.Count}; still running after it: {string.Join(", ", alive)}.");
        }
    }

    /// <summary>From now on the fake model answers request n (counted from here) with <paramref name="steps"/>[n].</summary>
    public void Script(params Func<FakeLlmRequest, FakeLlmReply>[] steps)
    {
        _scriptStart = Llm.Requests.Count;
        var next = -1;
        Llm.Responder = request =>
        {
            var index = Interlocked.Increment(ref next);
            return index < steps.Length
                ? steps[index](request)
                : FakeLlmReply.Error(500, message: $"The test scripted {steps.Length} replies; request {index + 1} was not expected.");
        };
    }

    /// <summary>Writes <c>.env.&lt;provider&gt;</c> beside mcp.json and returns its name, as given to --env-file.</summary>
    public string WriteEnvFile(LlmProvider provider)
    {
        var name = ".env." + provider.ToString().ToLowerInvariant();
        string[] lines = provider switch
        {
            LlmProvider.AzureOpenAI =>
            [
                "LLM_PROVIDER=azure-openai",
                $"AZURE_OPENAI_ENDPOINT={Llm.AzureEndpoint}",
                "AZURE_OPENAI_DEPLOYMENT=my-deployment",
                $"AZURE_OPENAI_API_KEY={ApiKey}",
            ],
            LlmProvider.OpenAI =>
            [
                "LLM_PROVIDER=openai",
                $"OPENAI_BASE_URL={Llm.OpenAIBaseUrl}",
                "OPENAI_MODEL=gpt-test",
                $"OPENAI_API_KEY={ApiKey}",
            ],
            _ =>
            [
                "LLM_PROVIDER=anthropic",
                $"ANTHROPIC_BASE_URL={Llm.AnthropicBaseUrl}",
                "ANTHROPIC_MODEL=claude-test",
                $"ANTHROPIC_API_KEY={ApiKey}",
            ],
        };
        File.WriteAllLines(Path.Combine(Directory, name), [.. lines, "LLM_TIMEOUT_SECONDS=30"]);
        return name;
    }

    public McpServerConnection Server(string name) => Hub.Servers.Single(s => s.Name == name);

    /// <summary>The id of the live process of one of the stdio servers, found by the marker only it was given.</summary>
    public int? ProcessId(string server) => ChildProcesses.FindByEnvironment($"{_marker}-{server}");

    private List<int> ChildProcessIds() =>
        [.. s_processServers.Select(ProcessId).OfType<int>()];

    private string ServerList()
    {
        var markerName = _marker.Split('=')[0];
        JsonObject Env(string server, params (string Name, string Value)[] more)
        {
            var env = new JsonObject { [markerName] = $"{_marker.Split('=')[1]}-{server}" };
            foreach (var (name, value) in more)
            {
                env[name] = value;
            }

            return env;
        }

        var servers = new JsonObject
        {
            ["weather"] = new JsonObject
            {
                ["command"] = RepoPaths.ServerExecutable("WeatherServer"),
                ["env"] = Env("weather", ("NWS_BASE_URL", Nws.BaseUrl)),
            },
            ["disk"] = new JsonObject
            {
                ["command"] = RepoPaths.ServerExecutable("DiskServer"),
                ["env"] = Env("disk"),
            },
            ["everything"] = new JsonObject
            {
                ["command"] = Peers.Bin("server-everything"),
                ["args"] = new JsonArray("stdio"),
                ["env"] = Env("everything"),
            },
            ["missing"] = new JsonObject { ["command"] = MissingCommand },
        };
        return new JsonObject { ["mcpServers"] = servers }.ToJsonString();
    }
}
