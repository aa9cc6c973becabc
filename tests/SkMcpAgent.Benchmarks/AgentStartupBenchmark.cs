using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// The hub with the shipped mcp.json, from construction until every enabled server is Ready (target under 1.5 s),
/// then one server started step by step with the bare SDK to show where the time goes. Args: [runs].
/// </summary>
public sealed class AgentStartupBenchmark : IBenchmark
{
    public string Name => "agent-startup";

    public string Description => "McpServerHub with the shipped mcp.json: construction to all stdio servers Ready (target < 1.5 s)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var servers = McpConfigLoader.Load(Path.Combine(RepoPaths.Root, "mcp.json"));
        var total = new Samples("all enabled servers Ready");
        var perServer = servers.Where(static s => !s.Disabled).ToDictionary(static s => s.Name, static s => new Samples($"  {s.Name} Ready"));

        for (var run = 0; run < runs; run++)
        {
            var ready = new ConcurrentDictionary<string, TimeSpan>();
            var start = Stopwatch.GetTimestamp();
            var events = new TimingSink(start, ready);
            await using (var hub = new McpServerHub(servers, new McpHubOptions(), events, NullLoggerFactory.Instance))
            {
                hub.Start();
                await hub.WaitForAllAsync(cancellationToken);
                total.Add(Stopwatch.GetElapsedTime(start));
                foreach (var server in hub.Servers.Where(static s => s.State == ServerState.Failed))
                {
                    Console.WriteLine($"  {server.Name} FAILED: {server.FailureReason}");
                }
            }

            foreach (var (name, elapsed) in ready)
            {
                perServer[name].Add(elapsed);
            }
        }

        Console.WriteLine(total);
        foreach (var samples in perServer.Values)
        {
            Console.WriteLine(samples);
        }

        foreach (var server in servers.Where(static s => !s.Disabled && s.Transport == McpTransportKind.Stdio))
        {
            await BreakDownAsync(server, isolated: false, cancellationToken);
            await BreakDownAsync(server, isolated: true, cancellationToken);
        }
    }

    /// <summary>One start with the bare SDK, timing process launch, initialize handshake and tools/list apart.</summary>
    private static async Task BreakDownAsync(McpServerConfig server, bool isolated, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = server.Command!,
            Arguments = [.. server.Args],
            Name = server.Name,
            InheritEnvironmentVariables = !isolated,
            EnvironmentVariables = isolated ? McpTransports.ChildEnvironment(server) : null,
        });
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" }, cancellationToken: cancellationToken);
        var connected = Stopwatch.GetElapsedTime(start);
        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);
        var listed = Stopwatch.GetElapsedTime(start);
        var ping = Stopwatch.GetTimestamp();
        await client.PingAsync(cancellationToken: cancellationToken);
        var pingTime = Stopwatch.GetElapsedTime(ping);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {server.Name} ({(isolated ? "isolated env" : "inherited env")}): launch + runtime start + initialize {connected.TotalMilliseconds:F0} ms, tools/list ({tools.Count} tools) {(listed - connected).TotalMilliseconds:F0} ms, then a ping takes {pingTime.TotalMilliseconds:F2} ms"));
    }

    private sealed class TimingSink(long start, ConcurrentDictionary<string, TimeSpan> ready) : IAgentEventSink
    {
        public void Publish(AgentEvent agentEvent)
        {
            if (agentEvent is ServerStateChanged { State: ServerState.Ready } changed)
            {
                ready.TryAdd(changed.ServerName, Stopwatch.GetElapsedTime(start));
            }
        }
    }
}
