using System.Diagnostics;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing;

namespace SkMcpAgent.EndToEnd.Tests.Terminal;

/// <summary>
/// The real agent in a real terminal: a tmux pane of a fixed size on a tmux server of its own (<c>-S</c> socket),
/// driven by key presses and read back with <c>capture-pane</c>, what the user would see. The server is killed on
/// dispose, which ends the agent with it.
/// </summary>
public sealed class TmuxDriver : IAsyncDisposable
{
    public const int Width = 100;
    public const int Height = 40;

    private const string ExitMarker = "[agent exited: ";

    // The server's own socket (-S rather than -L's shared folder) in the test's folder, which is removed with it.
    private readonly string _socket;
    private readonly string _configFile;

    private TmuxDriver(string workingDirectory)
    {
        _socket = Path.Combine(workingDirectory, ".tmux.sock");
        _configFile = Path.Combine(workingDirectory, ".tmux.conf");
    }

    /// <summary>Starts the agent executable with <paramref name="args"/> in a new pane; fails clearly without tmux.</summary>
    public static async Task<TmuxDriver> StartAgentAsync(string workingDirectory, params string[] args)
    {
        var driver = new TmuxDriver(workingDirectory);
        // No status bar (the pane is the whole window); a finished agent's pane stays, to read its exit status.
        await File.WriteAllTextAsync(driver._configFile, "set -g status off\nset -g remain-on-exit on\nset -g history-limit 5000\n");
        // A shell prints the agent's exit status on the screen (tmux's own pane_dead_status stays empty for it). Its
        // trap keeps Ctrl+C, which the terminal sends to the whole foreground group, from ending the shell; the agent
        // gets the default handling back, as a trap's handler is not inherited.
        List<string> command =
        [
            "sh", "-c", $"trap true INT; \"$@\"; echo \"{ExitMarker}$?]\"", "sh",
            "env", .. AgentProcess.InheritedSecrets.SelectMany(static v => new[] { "-u", v }), RepoPaths.AgentExecutable, .. args,
        ];
        await driver.RunTmuxAsync(
            ["-f", driver._configFile, "new-session", "-d", "-s", "agent", "-x", Width.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-y", Height.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", workingDirectory, .. command]);
        return driver;
    }

    /// <summary>Types <paramref name="text"/> as it is (no key names).</summary>
    public Task TypeAsync(string text) => RunTmuxAsync(["send-keys", "-t", "agent", "-l", text]);

    /// <summary>Presses keys by tmux name: <c>Enter</c>, <c>C-c</c>, <c>C-d</c>, <c>Up</c>.</summary>
    public Task PressAsync(params string[] keys) => RunTmuxAsync(["send-keys", "-t", "agent", .. keys]);

    /// <summary>The screen as text; with <paramref name="withStyles"/>, with its colour and style escape sequences.</summary>
    public Task<string> CaptureAsync(bool withStyles = false) =>
        RunTmuxAsync(withStyles ? ["capture-pane", "-p", "-e", "-t", "agent"] : ["capture-pane", "-p", "-t", "agent"]);

    /// <summary>
    /// Captures the screen until <paramref name="condition"/> holds, and returns that screen; fails with the last
    /// screen at the deadline. Each capture is a tmux process, which paces the loop: no sleeps.
    /// </summary>
    public async Task<string> WaitForScreenAsync(Func<string, bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        string screen;
        do
        {
            screen = await CaptureAsync();
            if (condition(screen))
            {
                return screen;
            }
        }
        while (deadline.Elapsed < TestTimeouts.Default);

        Assert.Fail($"The screen did not show {what} within {TestTimeouts.Default.TotalSeconds} s. Last screen:\n{screen}");
        return screen;
    }

    public Task<string> WaitForTextAsync(string text) =>
        WaitForScreenAsync(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'");

    /// <summary>Waits for the agent to end; returns its exit status.</summary>
    public async Task<int> WaitForExitAsync()
    {
        var screen = await WaitForTextAsync(ExitMarker);
        var status = screen[(screen.IndexOf(ExitMarker, StringComparison.Ordinal) + ExitMarker.Length)..];
        return int.Parse(status[..status.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunTmuxAsync(["kill-server"]);
        }
        catch (InvalidOperationException)
        {
            // Already gone (its last session ended).
        }

        File.Delete(_socket);
    }

    private async Task<string> RunTmuxAsync(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-S");
        info.ArgumentList.Add(_socket);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("tmux did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "tmux is not installed: the real-terminal tests need it (apt-get install -y tmux; .ci/run installs it).", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(TestTimeouts.DefaultToken());
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"tmux {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {await error}");
            }

            return await output;
        }
    }
}
