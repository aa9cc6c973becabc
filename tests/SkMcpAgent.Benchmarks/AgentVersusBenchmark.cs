using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// This build of the agent against another build (an earlier commit, say) on the same fakes, runs interleaved:
/// launch to the REPL prompt, and a single-shot question that needs one tool call (disk server) for OpenAI and
/// Anthropic, launch to exit. Args: <c>--baseline path/to/SkMcpAgent(.dll) [--runs N]</c>. Build both in Release.
/// </summary>
public sealed class AgentVersusBenchmark : IBenchmark
{
    public string Name => "agent-versus";

    public string Description => "this agent build vs --baseline DLL: REPL prompt, single-shot one tool call (OpenAI, Anthropic)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var baseline = BenchmarkArgs.Option(args, "--baseline") ?? throw new ArgumentException("--baseline path/to/SkMcpAgent(.dll) is required.");
        var runs = int.TryParse(BenchmarkArgs.Option(args, "--runs"), out var n) ? n : 10;
        var current = AgentProcess.FindAgent();
        Console.WriteLine($"current: {current}\nbaseline: {baseline}\n{runs} runs each, interleaved");

        await using var llm = await FakeLlmServer.StartAsync(cancellationToken);
        using var folder = AgentJobFolder.Create(llm);
        var scenarios = AgentJobFolder.Scenarios;
        var results = scenarios.Select(s => (Current: new Samples($"{s.Label}, current"), Baseline: new Samples($"{s.Label}, baseline"))).ToArray();

        for (var i = 0; i <= runs; i++)
        {
            for (var s = 0; s < scenarios.Count; s++)
            {
                // Run 0 warms both builds up and is not counted; then the order alternates.
                var first = i % 2 == 0 ? current : baseline;
                var second = first == current ? baseline : current;
                foreach (var dll in new[] { first, second })
                {
                    var (elapsed, _) = await AgentProcess.RunAsync(dll, folder.Path, scenarios[s].Args, scenarios[s].WaitForPrompt, null, cancellationToken);
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
}
