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
        ArgumentNullException.ThrowIfNull(url);
        if (!string.IsNullOrWhiteSpace(browserVariable))
        {
            // $BROWSER may list several commands separated by ':'; the first is used. The URL goes in as a
            // positional parameter, never spliced into the shell text, so nothing in it is interpreted.
            var command = browserVariable.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            var script = command.Contains("%s", StringComparison.Ordinal) ? command.Replace("%s", "\"$1\"", StringComparison.Ordinal) : command + " \"$1\"";
            return TryStart("/bin/sh", ["-c", script, "sh", url.AbsoluteUri]);
        }

        if (OperatingSystem.IsWindows())
        {
            return TryStart(url.AbsoluteUri, [], useShell: true);
        }

        return TryStart(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [url.AbsoluteUri]);
    }

    private static bool TryStart(string fileName, string[] arguments, bool useShell = false)
    {
        var startInfo = new ProcessStartInfo(fileName) { UseShellExecute = useShell, RedirectStandardOutput = !useShell, RedirectStandardError = !useShell };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            // Not disposed here: that would close the pipes under a browser still writing to them. It is disposed
            // when it exits.
            var process = Process.Start(startInfo);
            if (process is not null && !useShell)
            {
                process.EnableRaisingEvents = true;
                process.Exited += static (sender, _) => ((Process)sender!).Dispose();
                // The browser's chatter must not reach the agent's output; drain it so the opener never blocks.
                process.OutputDataReceived += static (_, _) => { };
                process.ErrorDataReceived += static (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }

            return process is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
