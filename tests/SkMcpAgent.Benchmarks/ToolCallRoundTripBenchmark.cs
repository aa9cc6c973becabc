using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
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
        // Generous warm-up: on a busy machine tiered JIT needs a while to finish the hot path.
        var warmup = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var server = Peers.Bin("server-everything");

        var bare = await MeasureBareSdkAsync(server, count, warmup, cancellationToken);
        var ours = await MeasureOursAsync(server, count, warmup, cancellationToken);
        var (tsP50, tsP90, tsVersion) = await MeasureTypeScriptAsync(server, count, warmup, cancellationToken);

        Console.WriteLine(ours);
        Console.WriteLine(bare);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"TypeScript SDK " + tsVersion + " Client (node)",-40} n={count,4}  p50={tsP50,9:F3} ms  p90={tsP90,9:F3} ms"));
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

    /// <summary>The C# SDK's client alone, to tell our hub's share of the time from the SDK's.</summary>
    private static async Task<Samples> MeasureBareSdkAsync(string server, int count, int warmup, CancellationToken cancellationToken)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions { Command = server, Arguments = ["stdio"], Name = "bare" });
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" }, cancellationToken: cancellationToken);
        var arguments = new Dictionary<string, object?> { ["message"] = "ping" };
        for (var i = 0; i < warmup; i++)
        {
            await client.CallToolAsync("echo", arguments, cancellationToken: cancellationToken);
        }

        var samples = new Samples("C# SDK 2.3.1 McpClient alone");
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await client.CallToolAsync("echo", arguments, cancellationToken: cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(start));
        }

        return samples;
    }

    private static async Task<(double P50, double P90, string Version)> MeasureTypeScriptAsync(string server, int count, int warmup, CancellationToken cancellationToken)
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
        var root = result.RootElement;
        return (root.GetProperty("p50").GetDouble(), root.GetProperty("p90").GetDouble(), root.GetProperty("version").GetString() ?? "?");
    }
}
