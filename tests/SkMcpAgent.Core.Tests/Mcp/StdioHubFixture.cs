using SkMcpAgent.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>
/// One hub for the stdio tests: two server-everything processes (so two servers share every tool name), a remote
/// server that nothing listens for, and a disabled entry. The agent's own environment holds a fake API key
/// that must not reach the children.
/// </summary>
public sealed class StdioHubFixture : IAsyncLifetime
{
    public const string LeakProbeVariable = "SKMCP_TEST_FAKE_API_KEY";

    public string FirstMarker { get; } = "SKMCP_TEST_MARKER=" + Guid.NewGuid().ToString("N");

    public string SecondMarker { get; } = "SKMCP_TEST_MARKER=" + Guid.NewGuid().ToString("N");

    public RecordingEventSink Events { get; } = new();

    public McpServerHub Hub { get; private set; } = null!;

    public string RootDirectory { get; } = Path.GetTempPath();

    public async Task InitializeAsync()
    {
        // The variable name stands for OPENAI_API_KEY and friends; a unique one keeps other tests' environment clean.
        Environment.SetEnvironmentVariable(LeakProbeVariable, "sk-must-stay-in-the-agent");
        var everything = Peers.Bin("server-everything");
        McpServerConfig[] servers =
        [
            new()
            {
                Name = "everything",
                Command = everything,
                Args = ["stdio"],
                Env = new Dictionary<string, string> { ["FROM_CONFIG"] = "config-value", [FirstMarker.Split('=')[0]] = FirstMarker.Split('=')[1] },
            },
            new()
            {
                Name = "second",
                Command = everything,
                Args = ["stdio"],
                Env = new Dictionary<string, string> { [SecondMarker.Split('=')[0]] = SecondMarker.Split('=')[1] },
                ToolTimeout = TimeSpan.FromSeconds(0.5),
                ExcludedTools = ["get-tiny-image"],
            },
            new() { Name = "dead-remote", Transport = McpTransportKind.Http, Url = $"http://127.0.0.1:{FreePort.Next()}/mcp" },
            new() { Name = "off", Command = everything, Args = ["stdio"], Disabled = true },
        ];
        Hub = new McpServerHub(servers, new McpHubOptions { Roots = [RootUris.FromPathOrUri(RootDirectory, RootDirectory)!] }, Events, NullLoggerFactory.Instance);
        Hub.Start();
        await Hub.WaitForAllAsync(TestTimeouts.DefaultToken());
    }

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        Environment.SetEnvironmentVariable(LeakProbeVariable, null);
    }

    public McpServerConnection Server(string name) => Hub.Servers.Single(s => s.Name == name);
}
