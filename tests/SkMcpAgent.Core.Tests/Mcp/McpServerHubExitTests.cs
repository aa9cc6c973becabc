using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>
/// Who stops what a server left running outside its tree: the hub, in its pass over /proc, unless the process ends
/// on the hub's disposal; then the watchdog does, once the process is gone (the end-to-end tests see it happen).
/// </summary>
public sealed class McpServerHubExitTests
{
    // Starts a helper through a shell that exits, so the helper is outside the server's tree; writes "<pid> <helper>".
    private static readonly string s_script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.EndToEnd.Tests", "spawner-server.mjs");

    [Fact]
    public async Task DisposeAsync_StopsTheHelperAServerLeftRunning()
    {
        var (server, helper) = await StartAndDisposeAsync(new McpHubOptions());

        Assert.False(ChildProcesses.IsAlive(server), $"the server ({server}) is still running");
        Assert.False(ChildProcesses.IsAlive(helper), $"the helper ({helper}) is still running");
    }

    [Fact]
    public async Task DisposeAsync_WhenTheProcessEndsOnIt_LeavesTheHelperToTheWatchdog()
    {
        var (server, helper) = await StartAndDisposeAsync(new McpHubOptions { ProcessEndsOnDispose = true });
        try
        {
            Assert.True(ServerWatchdog.IsRunning, "the watchdog that stops the helper after the process ends is not running");
            Assert.False(ChildProcesses.IsAlive(server), $"the server ({server}) is still running");
            Assert.True(ChildProcesses.IsAlive(helper), "the helper was stopped on the way out, where the watchdog should do it after");
        }
        finally
        {
            // This test process goes on: nothing else will stop it.
            using var process = Process.GetProcessById(helper);
            process.Kill();
        }
    }

    private static async Task<(int Server, int Helper)> StartAndDisposeAsync(McpHubOptions options)
    {
        var pidsFile = Path.Combine(Path.GetTempPath(), "skmcp-spawner-" + Guid.NewGuid().ToString("N"));
        try
        {
            McpServerConfig[] servers =
            [
                new() { Name = "spawner", Command = "node", Args = [s_script], Env = new Dictionary<string, string> { ["PIDS_FILE"] = pidsFile } },
            ];
            var hub = new McpServerHub(servers, options, NullAgentEventSink.Instance, NullLoggerFactory.Instance);
            hub.Start();
            await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
            Assert.Equal(ServerState.Ready, hub.Servers[0].State);
            var pids = File.ReadAllText(pidsFile).Split(' ').Select(static p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();

            await hub.DisposeAsync();
            return (pids[0], pids[1]);
        }
        finally
        {
            File.Delete(pidsFile);
        }
    }
}
