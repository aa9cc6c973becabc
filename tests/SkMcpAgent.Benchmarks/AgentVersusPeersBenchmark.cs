using System.Globalization;
using SkMcpAgent.Benchmarks.Versus;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// The same single-shot job (one question that needs one MCP tool call, the answer printed, exit) run by this agent
/// (OpenAI and Anthropic paths), Claude Code (<c>-p</c>) and the Codex CLI (<c>exec</c>), each against the fake LLM
/// in its own wire format; runs interleaved, medians reported. Jobs: our disk server, server-everything, ten disk
/// servers, each started as the shipped mcp.json starts it (NativeAOT), or with <c>--server-dll</c> as
/// <c>dotnet DiskServer.dll</c>. Args: <c>[--runs N] [--jobs disk,everything,ten] [--only NAME-PREFIX,...] [--agent path/to/SkMcpAgent(.dll)] [--server-dll] [--verbose]</c>.
/// Build the agent in Release first.
/// </summary>
public sealed class AgentVersusPeersBenchmark : IBenchmark
{
    public string Name => "agent-versus-peers";

    public string Description => "single-shot one-tool job vs Claude Code and Codex: wall, launch->first model request, answer->exit, peak tree memory";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var runs = int.TryParse(BenchmarkArgs.Option(args, "--runs"), out var n) ? n : 8;
        var jobNames = (BenchmarkArgs.Option(args, "--jobs") ?? "disk,everything,ten").Split(',');
        VersusRun.Verbose = args.Contains("--verbose");
        var serverDll = args.Contains("--server-dll");
        var peers = await PeerClis.EnsureInstalledAsync(cancellationToken);
        var agent = BenchmarkArgs.Option(args, "--agent") ?? AgentProcess.FindAgent();
        Contender[] contenders =
        [
            new SkMcpAgentContender("openai", agent),
            new SkMcpAgentContender("anthropic", agent),
            new ClaudeCodeContender(peers.ClaudePath),
            new CodexContender(peers.CodexPath),
        ];
        if (BenchmarkArgs.Option(args, "--only") is { } only)
        {
            var prefixes = only.Split(',');
            contenders = [.. contenders.Where(c => prefixes.Any(p => c.Name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))];
        }

        Console.WriteLine($"agent: {agent}\nClaude Code: {peers.ClaudePath}\nCodex: {peers.CodexPath}\n{runs} runs each after one warm-up, interleaved\n" +
            $"disk servers started as {(serverDll ? "dotnet DiskServer.dll" : "the shipped mcp.json starts them")}");

        var job = VersusJob.Disk(serverDll);
        await using var llm = await FakeLlmServer.StartAsync(cancellationToken);
        llm.Responder = VersusRun.Responder(() => job);

        Console.WriteLine("| job | contender | wall p50 | launch → first model request | answer → exit | peak tree memory | used the tool | wall / Codex |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var name in jobNames)
        {
            job = name switch
            {
                "disk" => VersusJob.Disk(serverDll),
                "everything" => VersusJob.Everything(),
                "ten" => VersusJob.TenServers(serverDll),
                _ => throw new ArgumentException($"Unknown job '{name}': disk, everything or ten."),
            };
            var samples = contenders.ToDictionary(static c => c, static _ => new List<VersusSample>());
            for (var run = 0; run <= runs; run++)
            {
                // Run 0 warms every contender up (disk caches, JIT caches) and is not counted; the order rotates.
                for (var k = 0; k < contenders.Length; k++)
                {
                    var contender = contenders[(run + k) % contenders.Length];
                    var sample = await VersusRun.RunAsync(contender, job, llm, cancellationToken);
                    if (run > 0)
                    {
                        samples[contender].Add(sample);
                    }
                }
            }

            var codexWall = samples.FirstOrDefault(static s => s.Key is CodexContender).Value is { Count: > 0 } codex ? Median(codex, static s => s.Wall.TotalSeconds) : double.NaN;
            foreach (var (contender, list) in samples)
            {
                var wall = Median(list, static s => s.Wall.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {job.Name} | {contender.Name} | {wall:F2} s | {Seconds(list, static s => s.FirstModelRequest)} | {Seconds(list, static s => s.AnswerToExit)} | " +
                    $"{Median(list, static s => s.PeakTreeBytes / 1048576.0):F0} MB | {list.Count(static s => s.UsedTheTool)}/{list.Count} | {wall / codexWall:F2} |"));
            }
        }
    }

    private static string Seconds(List<VersusSample> samples, Func<VersusSample, TimeSpan?> pick)
    {
        var values = samples.Select(pick).OfType<TimeSpan>().Select(static t => t.TotalSeconds).ToList();
        return values.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{Median(values, static v => v):F2} s");
    }

    private static double Median<T>(IReadOnlyList<T> items, Func<T, double> pick)
    {
        var sorted = items.Select(pick).Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
