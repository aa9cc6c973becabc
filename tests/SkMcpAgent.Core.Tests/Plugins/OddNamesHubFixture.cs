using Microsoft.Extensions.Logging.Abstractions;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Plugins;

/// <summary>
/// One hub of small stdio servers (odd-names-server.mjs) with names Semantic Kernel cannot take as they are: two
/// servers whose names differ only in case after sanitising offer the same odd tools, and servers <c>a</c> (tool
/// <c>b_c</c>) and <c>a_b</c> (tool <c>c</c>) would both be <c>a_b_c</c> to the model.
/// </summary>
public sealed class OddNamesHubFixture : IAsyncLifetime
{
    public McpServerHub Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.Core.Tests", "Plugins", "odd-names-server.mjs");
        McpServerConfig[] servers =
        [
            new() { Name = "tools.v1", Command = "node", Args = [script] },
            new() { Name = "Tools v1", Command = "node", Args = [script] },
            new() { Name = "a", Command = "node", Args = [script, "b_c"] },
            new() { Name = "a_b", Command = "node", Args = [script, "c"] },
        ];
        Hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);
        Hub.Start();
        await Hub.WaitForAllAsync(TestTimeouts.DefaultToken());
        var notReady = Hub.Servers.FirstOrDefault(static s => s.State != ServerState.Ready);
        if (notReady is not null)
        {
            await Hub.DisposeAsync();
            throw new InvalidOperationException($"MCP server '{notReady.Name}' did not start: {notReady.FailureReason}");
        }
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
