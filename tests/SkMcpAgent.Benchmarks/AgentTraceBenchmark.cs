using System.Globalization;
using System.Text.RegularExpressions;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// Where a run of the agent spends its time: runs each scenario of <see cref="AgentJobFolder"/> with the start-up trace
/// on (<c>SKMCPAGENT_TRACE_STARTUP=1</c>) and prints the median time of every milestone since the process started, and
/// how many assemblies a run loaded. Args: <c>[--runs N] [--dll path/to/SkMcpAgent or SkMcpAgent.dll] [--only LABEL-PREFIX]
/// [--env NAME=VALUE]...</c> (variables for the agent only, say <c>DOTNET_ReadyToRun=0</c> to see what precompiled code saves).
/// </summary>
public sealed partial class AgentTraceBenchmark : IBenchmark
{
    public string Name => "agent-trace";

    public string Description => "the agent's start-up trace per scenario (REPL prompt, single-shot OpenAI/Anthropic): median ms of each milestone";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var runs = int.TryParse(BenchmarkArgs.Option(args, "--runs"), out var n) ? n : 10;
        var dll = BenchmarkArgs.Option(args, "--dll") ?? AgentProcess.FindAgent();
        Console.WriteLine($"agent: {dll}\n{runs} runs per scenario after one warm-up");

        await using var llm = await FakeLlmServer.StartAsync(cancellationToken);
        using var folder = AgentJobFolder.Create(llm);
        var environment = new Dictionary<string, string> { ["SKMCPAGENT_TRACE_STARTUP"] = "1" };
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--env" && args[i + 1].Split('=', 2) is [var name, var value])
            {
                environment[name] = value;
            }
        }

        var only = BenchmarkArgs.Option(args, "--only") ?? "";
        foreach (var (label, scenarioArgs, waitForPrompt) in AgentJobFolder.Scenarios.Where(s => s.Label.StartsWith(only, StringComparison.OrdinalIgnoreCase)))
        {
            // Milestones in the order they first appeared; each with its time in every run.
            var milestones = new List<string>();
            var times = new Dictionary<string, Samples>(StringComparer.Ordinal);
            var wall = new Samples("wall (launch to exit, or to the prompt)");
            var assemblies = new List<int>();
            var processorTime = new Samples("processor time used by the agent");
            var lastAssemblies = "";
            for (var run = 0; run <= runs; run++)
            {
                var (elapsed, stderr) = await AgentProcess.RunAsync(dll, folder.Path, scenarioArgs, waitForPrompt, environment, cancellationToken);
                if (run == 0)
                {
                    continue;
                }

                wall.Add(elapsed);
                foreach (Match line in TraceLine().Matches(stderr))
                {
                    var milestone = line.Groups["milestone"].Value.TrimEnd('\r');
                    if (ProcessorTimeLine().Match(milestone) is { Success: true } cpu)
                    {
                        processorTime.Add(TimeSpan.FromMilliseconds(double.Parse(cpu.Groups["ms"].Value, CultureInfo.InvariantCulture)));
                        continue;
                    }

                    if (AssembliesLine().Match(milestone) is { Success: true } loaded)
                    {
                        assemblies.Add(int.Parse(loaded.Groups["count"].Value, CultureInfo.InvariantCulture));
                        lastAssemblies = milestone;
                        continue;
                    }

                    if (!times.TryGetValue(milestone, out var samples))
                    {
                        milestones.Add(milestone);
                        times[milestone] = samples = new Samples(milestone);
                    }

                    samples.Add(TimeSpan.FromMilliseconds(double.Parse(line.Groups["ms"].Value, CultureInfo.InvariantCulture)));
                }
            }

            Console.WriteLine($"-- {label} (median ms since the process started; n = runs that reached it)");
            foreach (var milestone in milestones)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{times[milestone].Median,8:F1}  {milestone} (n={times[milestone].Count})"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{wall.Median,8:F1}  {wall.Label}, measured by the benchmark"));
            if (processorTime.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{processorTime.Median,8:F1}  {processorTime.Label} (user + system, all threads)"));
            }

            if (assemblies.Count > 0)
            {
                Console.WriteLine($"assemblies loaded at exit: median {assemblies.Order().ElementAt(assemblies.Count / 2)}; the last run's {lastAssemblies}");
            }
        }
    }

    [GeneratedRegex(@"^\[trace\s+(?<ms>[0-9.]+) ms\] (?<milestone>.*)$", RegexOptions.Multiline)]
    private static partial Regex TraceLine();

    [GeneratedRegex(@"^processor time used: (?<ms>[0-9.]+) ms")]
    private static partial Regex ProcessorTimeLine();

    [GeneratedRegex(@"^(?<count>\d+) assemblies loaded")]
    private static partial Regex AssembliesLine();
}
