using SkMcpAgent.Testing.Logging;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Core.Tests.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>Disposing the hub stops every server process it started.</summary>
public sealed class HubDisposalTests
{
    [Fact]
    public async Task DisposeAsync_LeavesNoServerProcessRunning()
    {
        var marker = Guid.NewGuid().ToString("N");
        McpServerConfig Server(string name, string command, params string[] args) => new()
        {
            Name = name,
            Command = command,
            Args = args,
            Env = new Dictionary<string, string> { ["SKMCP_DISPOSAL_MARKER"] = $"{marker}-{name}" },
        };
        McpServerConfig[] servers =
        [
            Server("weather", RepoPaths.ServerExecutable("WeatherServer")),
            Server("disk", RepoPaths.ServerExecutable("DiskServer")),
            Server("everything", Peers.Bin("server-everything"), "stdio"),
        ];
        var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, new CapturingLoggerFactory());
        List<int> processIds;
        Microsoft.Extensions.AI.AIFunction osInfo;
        try
        {
            hub.Start();
            using var startup = new CancellationTokenSource(TestTimeouts.Default * 2);
            await hub.WaitForAllAsync(startup.Token);
            Assert.All(hub.Servers, s => Assert.Equal(ServerState.Ready, s.State));
            processIds = [.. servers.Select(s => ChildProcesses.FindByEnvironment($"SKMCP_DISPOSAL_MARKER={marker}-{s.Name}")).OfType<int>()];
            Assert.Equal(3, processIds.Count);
            osInfo = hub.GetFunctions().Single(f => f.Name == "disk_get_os_info");
        }
        finally
        {
            await hub.DisposeAsync();
        }

        Assert.DoesNotContain(processIds, ChildProcesses.IsAlive);

        // A call that arrives late (a turn still running at exit) must fail, not start the server again.
        await Assert.ThrowsAnyAsync<Exception>(async () => await osInfo.InvokeAsync(new(), TestTimeouts.DefaultToken()));
        Assert.Null(ChildProcesses.FindByEnvironment($"SKMCP_DISPOSAL_MARKER={marker}-disk"));
    }
}
