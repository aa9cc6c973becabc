using System.Diagnostics;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Processes;

namespace SkMcpAgent.EndToEnd.Tests.Support;

/// <summary>
/// The real agent executable (<see cref="RepoPaths.AgentExecutable"/>, native where it could be built) as a child process: stdin piped, stdout and stderr
/// recorded, provider variables of the test's own environment removed, a dumb terminal, a data folder of its own. Killed with its tree on dispose.
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    /// <summary>Variables of the test's own environment the agent must not see: the env file under test decides.</summary>
    public static IReadOnlyList<string> InheritedSecrets { get; } =
    [
        "LLM_PROVIDER", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY",
        "AZURE_OPENAI_DEPLOYMENT", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "ANTHROPIC_MODEL", "NO_COLOR", "SYSTEM_PROMPT",
    ];

    private readonly ChildProcess _child;

    private AgentProcess(ChildProcess child) => _child = child;

    public string Stdout => _child.StandardOutput;

    public string Stderr => _child.StandardError;

    public int Id => _child.Id;

    /// <param name="underJit">Runs <c>dotnet SkMcpAgent.dll</c> (IL and JIT) instead of the executable, for what only a
    /// JIT run shows (which assemblies get loaded).</param>
    public static AgentProcess Start(
        string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, bool underJit = false)
    {
        var info = underJit
            ? new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, ArgumentList = { RepoPaths.AgentAssembly } }
            : new ProcessStartInfo(RepoPaths.AgentExecutable) { WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in InheritedSecrets)
        {
            info.Environment.Remove(name);
        }

        info.Environment["TERM"] = "dumb";

        // The agent saves conversations under XDG_DATA_HOME: a run gets its working folder's own, never the user's.
        info.Environment["XDG_DATA_HOME"] = DataHome(workingDirectory);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return new AgentProcess(ChildProcess.Start(info));
    }

    /// <summary>The XDG_DATA_HOME of the agents started in <paramref name="workingDirectory"/> (removed with it).</summary>
    public static string DataHome(string workingDirectory) => Path.Combine(workingDirectory, ".xdg-data");

    /// <summary>Runs to completion with <paramref name="stdin"/> (closed afterwards) and returns the exit code.</summary>
    public static async Task<(int ExitCode, AgentProcess Process)> RunAsync(
        string workingDirectory, IEnumerable<string> args, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null, bool underJit = false)
    {
        var agent = Start(workingDirectory, args, environment, underJit);
        await agent.WriteInputAsync(stdin ?? string.Empty, close: true);
        var exitCode = await agent.WaitForExitAsync();
        return (exitCode, agent);
    }

    public Task WriteInputAsync(string text, bool close) => _child.WriteInputAsync(text, close);

    public Task<int> WaitForExitAsync() => _child.WaitForExitAsync(TestTimeouts.DefaultToken());

    /// <summary>Completes when stdout or stderr has contained <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text) => _child.WaitForOutputAsync(text);

    /// <summary>Ctrl+C, as a terminal sends it: SIGINT to the agent.</summary>
    public Task SendInterruptAsync() => _child.SendInterruptAsync();

    public ValueTask DisposeAsync() => _child.DisposeAsync();
}
