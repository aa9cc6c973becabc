using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SkMcpAgent.Benchmarks.Versus;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// The REPL with both shipped stdio servers (disk, weather) over many scripted questions, each answered after one
/// tool call: resident memory of the agent and of its whole tree at the prompt (idle), then after 50, 100, ... questions;
/// also launch to the prompt. Args: <c>[--questions N] [--baseline path/to/SkMcpAgent(.dll)]</c>.
/// </summary>
public sealed class ReplMemoryBenchmark : IBenchmark
{
    private const string Prompt = "\n> ";

    public string Name => "repl-memory";

    public string Description => "REPL with disk+weather over N scripted questions (default 300): agent and tree memory idle and per 50 questions, prompt time";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var questions = int.TryParse(BenchmarkArgs.Option(args, "--questions"), out var n) ? n : 300;
        var builds = new List<string> { AgentProcess.FindAgent() };
        if (BenchmarkArgs.Option(args, "--baseline") is { } baseline)
        {
            builds.Add(baseline);
        }

        await using var llm = await FakeLlmServer.StartAsync(cancellationToken);
        llm.Responder = static request => request.ToolResults().Count > 0
            ? FakeLlmReply.Text("The disk is fine.")
            : FakeLlmReply.ToolCalls(("disk_get_os_info", "{}"));

        var folder = Directory.CreateTempSubdirectory("skmcpagent-repl-memory-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "mcp.json"), JsonSerializer.Serialize(new
            {
                mcpServers = new Dictionary<string, object>
                {
                    // As the shipped mcp.json starts them (NativeAOT where the build could make it).
                    ["disk"] = new { command = RepoPaths.ServerExecutable("DiskServer") },
                    ["weather"] = new { command = RepoPaths.ServerExecutable("WeatherServer") },
                },
            }));
            File.WriteAllText(Path.Combine(folder.FullName, ".env"), $"LLM_PROVIDER=openai\nOPENAI_API_KEY=sk-bench\nOPENAI_MODEL=gpt-bench\nOPENAI_BASE_URL={llm.OpenAIBaseUrl}\n");
            foreach (var dll in builds)
            {
                Console.WriteLine($"{dll}, {questions} questions:");
                await RunAsync(dll, folder.FullName, questions, cancellationToken);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task RunAsync(string dll, string folder, int questions, CancellationToken cancellationToken)
    {
        var info = AgentProcess.StartInfo(dll, folder, ["--interactive"]);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await AgentProcess.WaitForTextAsync(process.StandardOutput, Prompt, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  launch -> prompt {clock.Elapsed.TotalSeconds:F2} s"));

            // Idle: every server has started by now (the REPL starts them in the background), and the runtime has settled.
            await WaitForServersAsync(process.Id, 3, cancellationToken);
            Report("idle", process.Id);
            for (var i = 1; i <= questions; i++)
            {
                await process.StandardInput.WriteLineAsync($"How full is my disk? ({i})".AsMemory(), cancellationToken);
                await process.StandardInput.FlushAsync(cancellationToken);
                await AgentProcess.WaitForTextAsync(process.StandardOutput, Prompt, cancellationToken);
                if (i % 50 == 0 || i == questions)
                {
                    Report($"after {i}", process.Id);
                }
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            Console.WriteLine($"  failed: {ex.Message} {await stderr}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static void Report(string label, int pid) => Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"  {label,-10} agent {ProcessTree.Resident(pid) / 1048576.0,6:F1} MB   tree {ProcessTree.ResidentBytes(pid) / 1048576.0,6:F1} MB"));

    /// <summary>Waits until the agent has its stdio servers as children (the agent and each server).</summary>
    private static async Task WaitForServersAsync(int pid, int processes, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        for (var tick = 0; tick < 600 && ProcessTree.Count(pid) < processes; tick++)
        {
            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }
}
