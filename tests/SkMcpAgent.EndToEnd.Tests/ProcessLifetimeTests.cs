using System.Diagnostics;
using System.Globalization;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary>A stdio server and the processes it started do not outlive the agent: on a normal exit, SIGTERM or SIGKILL.</summary>
[Collection(AgentProcessGroup.Name)]
public sealed class ProcessLifetimeTests : IAsyncLifetime
{
    private static readonly string s_script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.EndToEnd.Tests", "spawner-server.mjs");
    private AgentWorkspace _workspace = null!;

    private string PidsFile => Path.Combine(_workspace.Directory, "spawner.pids");

    public async Task InitializeAsync()
    {
        _workspace = await AgentWorkspace.CreateAsync();
        _workspace.WriteNodeServerConfig("spawner", s_script, "PIDS_FILE", PidsFile);
    }

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task Repl_StopsTheServerAndTheProcessesItStarted_WhenItExits()
    {
        await using var agent = AgentProcess.Start(_workspace.Directory, ["--interactive"]);
        await agent.WaitForOutputAsync("spawner ready");
        var pids = ReadPids();

        await agent.WriteInputAsync("/exit\n", close: true);
        var exitCode = await agent.WaitForExitAsync();

        Assert.True(exitCode == 0, agent.Stderr);
        AssertAllEnd(pids);
    }

    [Fact]
    public async Task Sigkill_StillStopsTheServerAndTheProcessesItStarted_AndNothingOfTheAgentStays()
    {
        await using var agent = AgentProcess.Start(_workspace.Directory, ["--interactive"]);
        await agent.WaitForOutputAsync("spawner ready");
        var pids = ReadPids();
        var children = ChildrenOf(agent.Id);
        Assert.Contains(pids[0], children);
        Assert.True(children.Length >= 2, "the agent should have started its watchdog beside the server");

        Signal("KILL", agent.Id);
        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(137, exitCode);
        AssertAllEnd([.. pids, .. children]);
    }

    [Fact]
    public async Task Sigterm_StopsTheServerAndTheProcessesItStarted_BeforeTheAgentEnds()
    {
        await using var agent = AgentProcess.Start(_workspace.Directory, ["--interactive"]);
        await agent.WaitForOutputAsync("spawner ready");
        var pids = ReadPids();

        Signal("TERM", agent.Id);
        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(143, exitCode);
        AssertAllEnd(pids);
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    // Every process whose parent is pid (/proc/<pid>/task/<tid>/children, one list per thread).
    private static int[] ChildrenOf(int pid) =>
        [.. Directory.EnumerateDirectories($"/proc/{pid}/task")
            .SelectMany(static task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(static child => int.Parse(child, CultureInfo.InvariantCulture))];

    private int[] ReadPids()
    {
        var pids = File.ReadAllText(PidsFile).Split(' ').Select(static p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(2, pids.Length);
        Assert.All(pids, pid => Assert.True(IsAlive(pid), $"process {pid} should run while the agent does"));
        return pids;
    }

    private static void AssertAllEnd(int[] pids)
    {
        // The agent has exited: its stop was sent; the kernel may take a moment to finish the processes off.
        var ended = SpinWait.SpinUntil(() => pids.All(static pid => !IsAlive(pid)), TimeSpan.FromSeconds(10));
        var alive = pids.Where(IsAlive).ToList();
        foreach (var pid in alive)
        {
            // Do not leave them behind for the next test, whatever the result.
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }

        Assert.True(ended, $"still running after the agent ended: {string.Join(", ", alive)}");
    }

    // A process that ended but was not yet reaped (a zombie) counts as ended.
    internal static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
