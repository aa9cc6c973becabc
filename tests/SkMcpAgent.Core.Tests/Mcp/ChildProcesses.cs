using System.Text;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>Finds the test's own child processes through /proc, by a marker variable given only to that child.</summary>
public static class ChildProcesses
{
    /// <summary>The id of the live process whose environment holds <paramref name="marker"/> (NAME=value), if any.</summary>
    public static int? FindByEnvironment(string marker)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var environment = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(directory, "environ"))).Split('\0');
                if (environment.Contains(marker, StringComparer.Ordinal) && IsAlive(pid))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended or is not ours.
            }
        }

        return null;
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state != 'Z' && state != 'X';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
