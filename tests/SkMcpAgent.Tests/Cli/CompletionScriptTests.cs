using System.Diagnostics;
using SkMcpAgent.Tests.Support;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Processes;

namespace SkMcpAgent.Tests.Cli;

/// <summary>
/// <c>completion bash|zsh</c>: the printed script is sourced in a real shell and its completion function is run with
/// <c>COMP_WORDS</c>/<c>COMP_CWORD</c> set as the shell sets them on Tab; the candidates are what a user would see.
/// </summary>
public sealed class CompletionScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-completion-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--output-format ''", "json stream-json text")]
    [InlineData("--approve a", "ask auto")]
    [InlineData("mcp ''", "list")]
    [InlineData("mcp --j", "--json")]
    [InlineData("completion ''", "bash zsh")]
    [InlineData("call --ar", "--args")]
    [InlineData("tools --env-file .env.c", ".env.claude")]
    [InlineData("-c sub/", "sub/mcp.json")]
    [InlineData("--model ''", "")]
    [InlineData("--model tools t", "tools")]
    [InlineData("what t", "")]
    public async Task Bash_CompletesOptionsValuesSubcommandsAndPaths(string words, string expected)
    {
        var candidates = await CompleteAsync("bash", words);

        Assert.Equal(expected, string.Join(' ', candidates.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Bash_OffersSubcommandsForAWord_AndEveryOptionForADash()
    {
        Assert.Equal(["call", "completion", "mcp", "tools"], (await CompleteAsync("bash", "''")).Order(StringComparer.Ordinal));
        Assert.Superset(
            new HashSet<string>(["--env-file", "--mcp-config", "-c", "--output-format", "--approve", "--model", "--root", "--help", "--version"]),
            (await CompleteAsync("bash", "-")).ToHashSet());
    }

    [Fact]
    public async Task Zsh_RunsTheSameCompletion_ThroughBashcompinit()
    {
        var recording = new RecordingHost();
        Assert.Equal(0, await AgentApp.RunAsync(["completion", "zsh"], recording.Host));
        Assert.StartsWith("#compdef SkMcpAgent\n", recording.Output, StringComparison.Ordinal);
        Assert.Contains("bashcompinit", recording.Output, StringComparison.Ordinal);
        Assert.EndsWith("complete -F _skmcpagent SkMcpAgent\n", recording.Output, StringComparison.Ordinal);
        // .ci/run installs zsh; a developer without it is told how to get it rather than getting a test that checks less.
        Assert.True(OnPath("zsh"), "This test runs the zsh script in a real zsh: install it (apt-get install zsh).");

        // Outside a completion widget zsh's compgen does not filter by the word (zsh's own matching does it on Tab),
        // so only empty words are completed here; what matters is that the words are read from the right positions.
        Assert.Equal(["json", "stream-json", "text"], (await CompleteAsync("zsh", "--output-format ''")).Order(StringComparer.Ordinal));
        Assert.Equal(["ask", "auto", "deny"], (await CompleteAsync("zsh", "tools --approve ''")).Order(StringComparer.Ordinal));
        Assert.Equal(["list"], await CompleteAsync("zsh", "mcp ''"));
        Assert.Equal(["bash", "zsh"], (await CompleteAsync("zsh", "-q completion ''")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Completion_ForAnotherShell_IsAUsageErrorNamingTheShellsItKnows()
    {
        var recording = new RecordingHost();

        var exitCode = await AgentApp.RunAsync(["completion", "fish"], recording.Host);

        Assert.Equal(2, exitCode);
        Assert.Contains("fish", recording.Error, StringComparison.Ordinal);
        Assert.Contains("'bash'", recording.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, recording.Output);
    }

    /// <summary>The candidates for the command line <c>SkMcpAgent {words}</c>, its last word being the one completed.</summary>
    private async Task<List<string>> CompleteAsync(string shell, string words)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        foreach (var file in new[] { ".env.claude", ".env.openai", "notes.txt", "sub/mcp.json" })
        {
            File.WriteAllText(Path.Combine(_folder, file), string.Empty);
        }

        var recording = new RecordingHost();
        Assert.Equal(0, await AgentApp.RunAsync(["completion", shell], recording.Host));
        var script = Path.Combine(_folder, "completion." + shell);
        File.WriteAllText(script, recording.Output);

        // The same variables the shell sets on Tab: every word of the line, and the index of the one being completed.
        // compinit scans every completion function (seconds on a busy machine); 'complete' only needs compdef to exist.
        var prelude = shell == "zsh" ? "compdef() { :; }; " : string.Empty;
        var print = shell == "zsh" ? "print -rl -- \"${COMPREPLY[@]}\"" : "printf '%s\\n' \"${COMPREPLY[@]}\"";
        var line = $"{prelude}source {script}; COMP_WORDS=(SkMcpAgent {words}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); _skmcpagent; {print}";
        var info = new ProcessStartInfo(shell) { WorkingDirectory = _folder };
        info.ArgumentList.Add(shell == "zsh" ? "-fc" : "-c");
        info.ArgumentList.Add(line);
        await using var process = ChildProcess.Start(info);
        var exitCode = await process.WaitForExitAsync(TestTimeouts.DefaultToken());

        Assert.True(exitCode == 0, $"{shell} failed ({exitCode}): {process.StandardError}");
        return [.. process.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
}
