using System.Globalization;
using SkMcpAgent.Benchmarks.ColdStart;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// Stdio cold start (spawn until tools/list is answered) of our servers, started as the shipped mcp.json starts them,
/// against the reference node server, in one run, interleaved so that machine load affects all alike.
/// Arguments: [--n N] (default 15) [--target disk|weather|everything|dll:PATH ...] (default: all three).
/// </summary>
public sealed class ServerColdStartBenchmark : IBenchmark
{
    public string Name => "server-cold-start";

    public string Description => "Stdio spawn -> tools/list answered: disk and weather servers vs server-everything (raw JSON-RPC)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rounds = 15;
        var targets = new List<ColdStartTarget>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--n" when i + 1 < args.Length:
                    rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--target" when i + 1 < args.Length:
                    targets.Add(Target(args[++i]));
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Use --n N and --target disk|weather|everything|dll:PATH.");
            }
        }

        if (targets.Count == 0)
        {
            targets.AddRange(DefaultTargets());
        }

        var samples = new Dictionary<ColdStartTarget, Samples>();
        foreach (var target in targets)
        {
            // One unmeasured start each: it warms the disk cache, and shows a broken target before the long run.
            var (_, toolCount) = await RawStdioProbe.MeasureAsync(target, cancellationToken);
            Console.WriteLine($"{target.Label}: {target.Command} {string.Join(' ', target.Arguments)} ({toolCount} tools)");
            samples[target] = new Samples(target.Label);
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var target in targets)
            {
                var (elapsed, _) = await RawStdioProbe.MeasureAsync(target, cancellationToken);
                samples[target].Add(elapsed);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} interleaved rounds, {Environment.ProcessorCount} cores:"));
        foreach (var result in samples.Values)
        {
            Console.WriteLine(result);
        }

        // The reference peer's median, as the yardstick: below 1.00 means faster than server-everything.
        var reference = samples.FirstOrDefault(static s => s.Key.Label.StartsWith("server-everything", StringComparison.Ordinal)).Value;
        if (reference is not null)
        {
            foreach (var result in samples.Values.Where(s => s != reference))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Label,-40} p50 / server-everything p50 = {result.Median / reference.Median:F2}"));
            }
        }
    }

    private static IEnumerable<ColdStartTarget> DefaultTargets()
    {
        yield return Target("disk");
        var weather = ShippedServer("weather");
        if (File.Exists(weather.Command))
        {
            yield return weather;
        }
        else
        {
            Console.WriteLine($"weather: not built ({weather.Command}); measuring the others.");
        }

        yield return Target("everything");
    }

    private static ColdStartTarget Target(string name) => name switch
    {
        "disk" or "weather" => ShippedServer(name),
        "everything" => new("server-everything stdio (node)", Peers.Bin("server-everything"), ["stdio"]),
        _ when name.StartsWith("dll:", StringComparison.Ordinal) => new($"dotnet {Path.GetFileName(Path.GetDirectoryName(name[4..]))}/{Path.GetFileName(name[4..])}", "dotnet", [name[4..]]),
        _ => throw new ArgumentException($"Unknown target '{name}'. Use disk, weather, everything or dll:PATH."),
    };

    // Started exactly as the shipped mcp.json says (after a build: the native executable, or the ReadyToRun apphost).
    private static ColdStartTarget ShippedServer(string name)
    {
        var server = McpConfigLoader.Load(Path.Combine(RepoPaths.Root, McpConfigLoader.DefaultFileName)).Single(s => s.Name == name);
        var shown = Path.GetRelativePath(RepoPaths.Root, server.Command ?? string.Empty);
        return new($"{name} ({shown})", server.Command ?? throw new InvalidOperationException($"mcp.json: '{name}' has no command."), [.. server.Args]);
    }
}
