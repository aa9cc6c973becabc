using System.Diagnostics;
using System.Text;

namespace SkMcpAgent.Testing.Processes;

/// <summary>A child process whose output lines can be awaited; killed with its whole tree on dispose.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly List<(string Text, TaskCompletionSource Seen)> _textWaiters = [];

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public string StandardOutput
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Start(info);
    }

    /// <summary>Starts a prepared process (working directory, environment, arguments) with all three streams redirected.</summary>
    public static ChildProcess Start(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        info.StandardOutputEncoding ??= Encoding.UTF8;
        info.StandardErrorEncoding ??= Encoding.UTF8;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, child._stdout);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, child._stderr);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The first output line (stdout or stderr) matching <paramref name="match"/>, bounded by the default timeout.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, CancellationToken cancellationToken)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = (_stdout.ToString() + _stderr).Split('\n').FirstOrDefault(l => match(l.TrimEnd('\r')));
            if (existing is not null)
            {
                return existing.TrimEnd('\r');
            }

            _waiters.Add((match, found));
        }

        var exited = _process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(found.Task, exited);
        if (first == found.Task)
        {
            return await found.Task;
        }

        await exited;
        throw new InvalidOperationException($"Process exited ({_process.ExitCode}) before the expected line. stderr:\n{StandardError}");
    }

    /// <summary>Completes when stdout or stderr has contained <paramref name="text"/> (it may span lines), bounded by the default timeout.</summary>
    public Task WaitForOutputAsync(string text)
    {
        lock (_gate)
        {
            if (ContainsOutput(text))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _textWaiters.Add((text, seen));
            return seen.Task.WaitAsync(TestTimeouts.Default);
        }
    }

    /// <summary>Writes to the child's stdin, optionally closing it (end of input) afterwards.</summary>
    public async Task WriteInputAsync(string text, bool close)
    {
        await _process.StandardInput.WriteAsync(text);
        await _process.StandardInput.FlushAsync();
        if (close)
        {
            _process.StandardInput.Close();
        }
    }

    /// <summary>Ctrl+C, as a terminal sends it: SIGINT to the child.</summary>
    public async Task SendInterruptAsync()
    {
        if (IgnoresInterrupts(_process.Id))
        {
            // A shell without job control starts a background command (`cmd &`) with SIGINT ignored, and that is
            // inherited down to the agent, which then rightly never sees Ctrl+C: say so instead of timing out.
            throw new InvalidOperationException(
                "The child ignores SIGINT, inherited from the test run (started in the background by a shell without job control?): " +
                "run the tests in the foreground or with `set -m`.");
        }

        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public void CloseStandardInput() => _process.StandardInput.Close();

    // Bit 1 of the SigIgn mask in /proc/PID/status is SIGINT (signal 2).
    private static bool IgnoresInterrupts(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(static l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line.AsSpan("SigIgn:".Length).Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
            && (mask & 0b10) != 0;
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void OnLine(string? line, StringBuilder sink)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            sink.Append(line).Append('\n');
            for (var i = _textWaiters.Count - 1; i >= 0; i--)
            {
                if (ContainsOutput(_textWaiters[i].Text))
                {
                    _textWaiters[i].Seen.TrySetResult();
                    _textWaiters.RemoveAt(i);
                }
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    _waiters[i].Found.TrySetResult(line);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    // Caller holds _gate.
    private bool ContainsOutput(string text) =>
        _stdout.ToString().Contains(text, StringComparison.Ordinal) || _stderr.ToString().Contains(text, StringComparison.Ordinal);
}
