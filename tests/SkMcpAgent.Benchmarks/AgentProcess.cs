using System.Diagnostics;
using System.Text;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Benchmarks;

/// <summary>What the benchmarks that launch the agent share: where its build is, and waiting for its prompt.</summary>
internal static class AgentProcess
{
    /// <summary>
    /// The agent as users start it (the NativeAOT executable where the build made one, else the ReadyToRun apphost),
    /// Release when built, else Debug. Every benchmark that takes a build also takes a dll (run with <c>dotnet</c>).
    /// </summary>
    public static string FindAgent()
    {
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var path = Path.Combine(RepoPaths.Root, "src", "SkMcpAgent", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "SkMcpAgent.exe" : "SkMcpAgent");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("Build the agent first: dotnet build src/SkMcpAgent -c Release");
    }

    /// <summary>How the benchmarks launch the agent: the executable, or <c>dotnet DLL</c>, with args in a folder, all streams redirected, no colour.</summary>
    public static ProcessStartInfo StartInfo(string dll, string directory, IEnumerable<string> args)
    {
        // A native build of the agent (NativeAOT) is started as it is; a dll through the dotnet host.
        var native = !dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(native ? dll : "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!native)
        {
            info.ArgumentList.Add(dll);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TERM"] = "dumb";

        // The agent saves each conversation (a real cost, so kept on) under XDG_DATA_HOME: a temp folder, not the user's.
        info.Environment["XDG_DATA_HOME"] = Path.Combine(Path.GetTempPath(), "skmcpagent-bench-data");
        return info;
    }

    /// <summary>
    /// Runs the agent once in <paramref name="directory"/>: until the REPL prompt (<paramref name="waitForPrompt"/>;
    /// stdin is closed then), or until it exits after printing <see cref="AgentJobFolder.Answer"/>. Returns the time
    /// to that point and what the agent wrote on stderr. A run that fails throws with its output.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, string Stderr)> RunAsync(
        string dll, string directory, string[] args, bool waitForPrompt, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var info = StartInfo(dll, directory, args);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            TimeSpan elapsed;
            if (waitForPrompt)
            {
                await WaitForTextAsync(process.StandardOutput, AgentJobFolder.Prompt, cancellationToken);
                elapsed = stopwatch.Elapsed;
                process.StandardInput.Close();
                await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                return (elapsed, await stderr);
            }

            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            elapsed = stopwatch.Elapsed;
            if (process.ExitCode != 0 || !output.Contains(AgentJobFolder.Answer, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{dll} {string.Join(' ', args)} failed (exit {process.ExitCode}): {output}{await stderr}");
            }

            return (elapsed, await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Reads until <paramref name="text"/> appeared; fails if the agent exits first.</summary>
    public static async Task WaitForTextAsync(StreamReader reader, string text, CancellationToken cancellationToken)
    {
        var seen = new StringBuilder();
        var buffer = new char[256];
        while (!seen.ToString().Contains(text, StringComparison.Ordinal))
        {
            var read = await reader.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new InvalidOperationException($"The agent exited before printing '{text.Trim()}'. Output: {seen}");
            }

            seen.Append(buffer, 0, read);
        }
    }
}
