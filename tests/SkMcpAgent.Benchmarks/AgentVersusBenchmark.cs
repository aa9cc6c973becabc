using System.Diagnostics;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// This build of the agent against another build (an earlier commit, say) on the same fakes, runs interleaved:
/// launch to the REPL prompt, and a single-shot question that needs one tool call (disk server) for OpenAI and
/// Anthropic, launch to exit. Args: <c>--baseline path/to/SkMcpAgent.dll [--runs N]</c>. Build both in Release.
/// </summary>
public sealed class AgentVersusBenchmark : IBenchmark
{
    private const string Prompt = "\n> ";
    private const string Answer = "It is Linux.";

    public string Name => "agent-versus";

    public string Description => "this agent build vs --baseline DLL: REPL prompt, single-shot one tool call (OpenAI, Anthropic)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var baseline = BenchmarkArgs.Option(args, "--baseline") ?? throw new ArgumentException("--baseline path/to/SkMcpAgent.dll is required.");
        var runs = int.TryParse(BenchmarkArgs.Option(args, "--runs"), out var n) ? n : 10;
        var current = AgentProcess.FindDll();
        Console.WriteLine($"current: {current}\nbaseline: {baseline}\n{runs} runs each, interleaved");

        await using var llm = await FakeLlmServer.StartAsync(cancellationToken);
        llm.Responder = static request => request.Messages.Any(static m => m?["role"]?.ToString() is "tool" || m?.ToJsonString().Contains("tool_result", StringComparison.Ordinal) == true)
            ? FakeLlmReply.Text(Answer)
            : FakeLlmReply.ToolCalls(("disk_get_os_info", "{}"));

        var folder = Directory.CreateTempSubdirectory("skmcpagent-versus-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "mcp.json"), $$"""
                { "mcpServers": { "disk": { "command": "{{RepoPaths.ServerExecutable("DiskServer")}}" } } }
                """);
            File.WriteAllText(Path.Combine(folder.FullName, ".env.openai"), $"LLM_PROVIDER=openai\nOPENAI_API_KEY=sk-bench\nOPENAI_MODEL=gpt-bench\nOPENAI_BASE_URL={llm.OpenAIBaseUrl}\n");
            File.WriteAllText(Path.Combine(folder.FullName, ".env.anthropic"), $"LLM_PROVIDER=anthropic\nANTHROPIC_API_KEY=sk-ant-bench\nANTHROPIC_BASE_URL={llm.AnthropicBaseUrl}\n");

            string[][] scenarios =
            [
                ["--interactive"],
                ["--env-file", ".env.openai", "What OS is this?"],
                ["--env-file", ".env.anthropic", "What OS is this?"],
            ];
            string[] labels = ["REPL prompt", "single-shot, OpenAI", "single-shot, Anthropic"];
            var results = labels.Select(l => (Current: new Samples($"{l}, current"), Baseline: new Samples($"{l}, baseline"))).ToArray();

            for (var i = 0; i <= runs; i++)
            {
                for (var s = 0; s < scenarios.Length; s++)
                {
                    // Run 0 warms both builds up and is not counted; then the order alternates.
                    var first = i % 2 == 0 ? current : baseline;
                    var second = first == current ? baseline : current;
                    foreach (var dll in new[] { first, second })
                    {
                        var elapsed = await RunOnceAsync(dll, folder.FullName, scenarios[s], waitForPrompt: s == 0, cancellationToken);
                        if (i > 0)
                        {
                            (dll == current ? results[s].Current : results[s].Baseline).Add(elapsed);
                        }
                    }
                }
            }

            foreach (var (currentSamples, baselineSamples) in results)
            {
                Console.WriteLine(currentSamples);
                Console.WriteLine(baselineSamples);
                Console.WriteLine($"{"  ratio current/baseline (p50)",-40} {currentSamples.Median / baselineSamples.Median:F2}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<TimeSpan> RunOnceAsync(string dll, string directory, string[] args, bool waitForPrompt, CancellationToken cancellationToken)
    {
        var info = AgentProcess.StartInfo(dll, directory, args);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            if (waitForPrompt)
            {
                await AgentProcess.WaitForTextAsync(process.StandardOutput, Prompt, cancellationToken);
                var elapsed = stopwatch.Elapsed;
                process.StandardInput.Close();
                await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                return elapsed;
            }

            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            if (process.ExitCode != 0 || !output.Contains(Answer, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{dll} {string.Join(' ', args)} failed (exit {process.ExitCode}): {output}{await stderr}");
            }

            return stopwatch.Elapsed;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
