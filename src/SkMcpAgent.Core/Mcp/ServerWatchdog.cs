using System.Diagnostics;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// Stops this agent's stdio servers when the agent dies without a chance to stop them itself (SIGKILL, an
/// out-of-memory kill). A normal exit, Ctrl+C and SIGTERM stop them in the agent (<see cref="ServerProcessTag"/>);
/// a killed process runs no code, so the stop has to come from outside it.
/// </summary>
/// <remarks>
/// The watchdog is a small <c>/bin/sh</c> started once per agent process. Its standard input is a pipe whose only
/// writer is the agent; the kernel closes it however the agent ends, and the watchdog then kills every process whose
/// environment carries one of this agent's server tags (<c>SKMCPAGENT_SERVER_TAG=&lt;agent&gt;.&lt;server&gt;</c>),
/// so helpers that left the server's tree are found too. It ignores SIGINT, SIGTERM and SIGHUP, which the terminal
/// or a supervisor sends to the whole process group: it must outlive the agent to do its job.
/// <para>Linux's <c>PR_SET_PDEATHSIG</c> is not used: it fires when the <em>thread</em> that started the child ends,
/// and .NET starts processes from thread-pool threads that come and go, so servers would die at random.</para>
/// </remarks>
internal static class ServerWatchdog
{
    // $1 is the agent's tag. Output goes nowhere, so a pipe the agent's stdout feeds closes when the agent ends.
    // `while read` ends at end of input (the agent is gone); one grep then reads every process's environment.
    private const string Script = """
        exec >/dev/null 2>&1
        trap '' INT TERM HUP QUIT
        while read -r _; do :; done
        for environ in $(grep -lsz "^SKMCPAGENT_SERVER_TAG=$1\." /proc/[0-9]*/environ); do
          pid=${environ#/proc/}; kill -9 "${pid%/environ}"
        done
        """;

    private static readonly Lock s_lock = new();
    private static Process? s_process;

    /// <summary>Whether this process's watchdog is running: it will stop every tagged process once this process ends.</summary>
    public static bool IsRunning
    {
        get
        {
            lock (s_lock)
            {
                return s_process is { HasExited: false };
            }
        }
    }

    /// <summary>Starts the watchdog if it is not running (Linux only; elsewhere nothing happens).</summary>
    /// <returns>Whether a watchdog is running for this agent.</returns>
    public static bool EnsureStarted()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        lock (s_lock)
        {
            if (s_process is { HasExited: false })
            {
                return true;
            }

            s_process?.Dispose();
            s_process = TryStart();
            return s_process is not null;
        }
    }

    private static Process? TryStart()
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", Script, "skmcpagent-watchdog", ServerProcessTag.AgentTag },
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        // Only what grep needs: none of the agent's environment (keys) reaches it.
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        try
        {
            // The agent never writes to the pipe; it is held open until the process ends, whichever way.
            return Process.Start(start);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // No /bin/sh: servers are still stopped on every exit the agent itself sees.
            return null;
        }
    }
}
