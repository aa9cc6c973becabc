using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// One <c>tools/call</c> (echo) to a stdio server-everything, through our hub and function (what the agent runs),
/// against the TypeScript SDK's Client on the same server, in the same run. Args: [count] [warmup].
/// </summary>
public sealed class ToolCallRoundTripBenchmark : IBenchmark
{
    public string Name => "tool-call-roundtrip";

    public string Description => "echo tools/call round trip over stdio to server-everything: our client vs the TypeScript SDK client";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var warmup = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var server = Peers.Bin("server-everything");

        var ours = await MeasureOursAsync(server, count, warmup, cancellationToken);
        var (tsP50, tsP90) = await MeasureTypeScriptAsync(server, count, warmup, cancellationToken);

        Console.WriteLine(ours);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"TypeScript SDK 1.x Client (node)",-40} n={count,4}  p50={tsP50,9:F3} ms  p90={tsP90,9:F3} ms"));
        Console.WriteLine(ours.Percentile(50) <= tsP50 ? "ours is not slower at p50" : "ours is SLOWER at p50");
    }

    private static async Task<Samples> MeasureOursAsync(string server, int count, int warmup, CancellationToken cancellationToken)
    {
        McpServerConfig[] servers = [new() { Name = "everything", Command = server, Args = ["stdio"] }];
        await using var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);
        hub.Start();
        await hub.WaitForAllAsync(cancellationToken);
        var echo = hub.GetFunctions().Single(f => f.Name == "everything_echo");
        var arguments = new AIFunctionArguments(new Dictionary<string, object?> { ["message"] = "ping" });

        for (var i = 0; i < warmup; i++)
        {
            await echo.InvokeAsync(arguments, cancellationToken);
        }

        var samples = new Samples("SkMcpAgent (C# SDK 2.3.1 + hub)");
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await echo.InvokeAsync(arguments, cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(start));
        }

        return samples;
    }

    private static async Task<(double P50, double P90)> MeasureTypeScriptAsync(string server, int count, int warmup, CancellationToken cancellationToken)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.Benchmarks", "peers", "tool-call-roundtrip.mjs");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, Peers.NodeModules, count.ToString(CultureInfo.InvariantCulture), warmup.ToString(CultureInfo.InvariantCulture), server, "stdio" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = await node.StandardOutput.ReadToEndAsync(cancellationToken);
        await node.WaitForExitAsync(cancellationToken);
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"The TypeScript benchmark exited with code {node.ExitCode}.");
        }

        using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        return (result.RootElement.GetProperty("p50").GetDouble(), result.RootElement.GetProperty("p90").GetDouble());
    }
}
