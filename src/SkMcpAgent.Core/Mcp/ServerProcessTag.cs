using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// Marks every process of one stdio server (the server, and whatever it starts: <c>npx</c> then node, a shell
/// script's children) with an environment variable, so that stopping the server can stop them all. The SDK stops
/// only the process it started, and a child that outlived it would outlive the agent too. Linux reads the marks in
/// <c>/proc</c>; elsewhere stopping the tree is left to the SDK.
/// </summary>
internal static class ServerProcessTag
{
    /// <summary>The variable each stdio server's environment carries; children inherit it.</summary>
    public const string Variable = "SKMCPAGENT_SERVER_TAG";

    /// <summary>This agent process's part of every tag, so that <see cref="ServerWatchdog"/> finds all of its servers.</summary>
    public static string AgentTag { get; } = Guid.NewGuid().ToString("N");

    /// <summary>A new tag for one server connection: <c>&lt;agent&gt;.&lt;connection&gt;</c>.</summary>
    public static string Create() => AgentTag + "." + Guid.NewGuid().ToString("N");

    /// <summary>Kills every process (other than this one) whose environment carries <paramref name="tag"/>; returns how many.</summary>
    public static int KillTagged(string tag)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        return KillTagged([tag])[tag];
    }

    /// <summary>
    /// Kills every process (other than this one) whose environment carries one of <paramref name="tags"/>, in one pass
    /// over <c>/proc</c> (the agent stopping ten servers reads each process's environment once, not ten times);
    /// returns how many each tag had.
    /// </summary>
    public static IReadOnlyDictionary<string, int> KillTagged(IReadOnlyCollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var killed = tags.ToDictionary(static t => t, static _ => 0, StringComparer.Ordinal);
        if (!OperatingSystem.IsLinux() || tags.Count == 0)
        {
            return killed;
        }

        var stopped = new List<int>();
        foreach (var (pid, tag) in FindTagged(tags))
        {
            if (TryKill(pid))
            {
                killed[tag]++;
                stopped.Add(pid);
            }
        }

        WaitUntilEnded(stopped);
        return killed;
    }

    /// <summary>What <see cref="TerminateTagged"/> did: how many processes were sent SIGTERM, or why none could be.</summary>
    public readonly record struct TerminateResult(int Count, string? Unavailable = null);

    /// <summary>
    /// Sends SIGTERM to every process (other than this one) whose environment carries <paramref name="tag"/>, without
    /// waiting for them to end: the polite step before a kill, which .NET's <see cref="Process.Kill()"/> skips.
    /// </summary>
    public static TerminateResult TerminateTagged(string tag)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        if (!OperatingSystem.IsLinux())
        {
            return new TerminateResult(0);
        }

        var count = 0;
        try
        {
            foreach (var (pid, _) in FindTagged([tag]))
            {
                if (SendSignal(pid, SignalTerminate) == 0)
                {
                    count++;
                }
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return new TerminateResult(count, ex.Message);
        }

        return new TerminateResult(count);
    }

    private const int SignalTerminate = 15;

    // kill(2) from the C library. The JIT runtime's loader maps "libc" to it; the NativeAOT agent binds the call when
    // it is linked (DirectPInvoke in SkMcpAgent.csproj).
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    // One pass over /proc: each process (other than this one) whose environment carries one of the tags, with its tag.
    private static IEnumerable<(int Pid, string Tag)> FindTagged(IReadOnlyCollection<string> tags)
    {
        var markers = tags.Select(static t => (Tag: t, Marker: Encoding.UTF8.GetBytes(Variable + "=" + t + "\0"))).ToList();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId
                || ReadEnvironment(Path.Combine(directory, "environ")) is not { } environ)
            {
                continue;
            }

            foreach (var (tag, marker) in markers)
            {
                if (Carries(environ, marker))
                {
                    yield return (pid, tag);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// A killed process takes a moment to end (the kernel frees its memory first; longer on a loaded machine): stopped
    /// means ended when this returns, within a bound. It is a zombie, or gone, in a few milliseconds as a rule.
    /// </summary>
    private static void WaitUntilEnded(List<int> pids)
    {
        var deadline = Environment.TickCount64 + (long)s_endWait.TotalMilliseconds;
        while (pids.Exists(IsRunning) && Environment.TickCount64 < deadline)
        {
            Thread.Sleep(5);
        }
    }

    private static readonly TimeSpan s_endWait = TimeSpan.FromSeconds(2);

    // Running: it exists and is not a zombie (ended, not yet reaped by its parent).
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    private static byte[]? ReadEnvironment(string environPath)
    {
        try
        {
            return File.ReadAllBytes(environPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process ended meanwhile, or belongs to someone else.
            return null;
        }
    }

    private static bool Carries(ReadOnlySpan<byte> environ, byte[] marker)
    {
        // Entries are NUL-separated; the marker starts an entry (at 0, or after a NUL) and ends with its NUL.
        for (var index = environ.IndexOf(marker); index >= 0; index = NextIndex(environ, marker, index))
        {
            if (index == 0 || environ[index - 1] == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int NextIndex(ReadOnlySpan<byte> environ, byte[] marker, int previous)
    {
        var next = environ[(previous + 1)..].IndexOf(marker);
        return next < 0 ? -1 : previous + 1 + next;
    }

    private static bool TryKill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
