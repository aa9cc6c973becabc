using System.Diagnostics;

namespace SkMcpAgent.Core.Mcp.Auth;

/// <summary>
/// Opens a URL the way terminal programs do: the command in <c>$BROWSER</c> when set (the URL replaces <c>%s</c>, or
/// is appended), else the platform's opener. Returns false when nothing could be started (the caller prints the URL).
/// </summary>
public static class BrowserOpener
{
    public static bool TryOpen(Uri url, string? browserVariable)
    {
        var process = Start(url, browserVariable, out var started);
        if (process is not null)
        {
            // Not disposed here: that would close the pipes under a browser still writing to them.
            process.EnableRaisingEvents = true;
            process.Exited += static (sender, _) => ((Process)sender!).Dispose();
        }

        return started;
    }

    /// <summary>Starts the opener; the process when there is one to watch (not for the Windows shell).</summary>
    internal static Process? Start(Uri url, string? browserVariable, out bool started)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!string.IsNullOrWhiteSpace(browserVariable))
        {
            // $BROWSER may list several commands separated by ':'; the first is used. The URL goes in as a
            // positional parameter, never spliced into the shell text, so nothing in it is interpreted.
            var command = browserVariable.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            var script = command.Contains("%s", StringComparison.Ordinal) ? command.Replace("%s", "\"$1\"", StringComparison.Ordinal) : command + " \"$1\"";
            return Run("/bin/sh", ["-c", script, "sh", url.AbsoluteUri], out started);
        }

        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var shell = Process.Start(new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true });
                started = true;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                started = false;
            }

            return null;
        }

        return Run(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [url.AbsoluteUri], out started);
    }

    private static Process? Run(string fileName, string[] arguments, out bool started)
    {
        // Redirected and drained: the browser's chatter must not reach the agent's output (--json on stdout).
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(startInfo);
            started = process is not null;
            if (process is not null)
            {
                process.OutputDataReceived += static (_, _) => { };
                process.ErrorDataReceived += static (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }

            return process;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            started = false;
            return null;
        }
    }
}
