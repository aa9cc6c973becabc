using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using SkMcpAgent.Benchmarks.HttpLoad;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Nws;
using SkMcpAgent.Testing.Processes;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// HTTP <c>tools/call</c> throughput and latency with 64 initialized Streamable HTTP sessions, driven by wrk: the weather
/// server (a call that goes upstream to a fake NWS, and one refused by validation), three stateless replicas behind
/// nginx, and server-everything's echo as the peer, measured in interleaved rounds in one run. Build the server in
/// Release first (<c>dotnet build -c Release servers/WeatherServer</c>); needs Debian's wrk and nginx.
/// Arguments: [seconds=10] [sessions=64] [rounds=2].
/// </summary>
public sealed partial class WeatherHttpThroughputBenchmark : IBenchmark
{
    private const string ProtocolVersion = "2025-06-18";

    public string Name => "weather-http-throughput";

    public string Description => "tools/call req/s and p99, 64 Streamable HTTP sessions, wrk: weather (direct, via nginx x3 stateless) vs server-everything";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var sessions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var duration = TimeSpan.FromSeconds(seconds);

        await using var nws = await FakeNwsServer.StartAsync(cancellationToken);
        using var weather = StartWeatherServer(nws.BaseUrl, stateless: false);
        var weatherUrl = await WaitForLineAsync(weather, WeatherListening(), cancellationToken);
        using var replicas = new CompositeDisposable([.. Enumerable.Range(0, 3).Select(_ => StartWeatherServer(nws.BaseUrl, stateless: true))]);
        var replicaUrls = await Task.WhenAll(replicas.Items.Select(r => WaitForLineAsync(r, WeatherListening(), cancellationToken)));
        await using var nginx = await NginxLoadBalancer.StartAsync(replicaUrls.Select(u => u[..^"/mcp".Length]));
        var port = FreePort();
        using var everything = StartServerEverything(port);
        await WaitForLineAsync(everything, EverythingListening(), cancellationToken);

        Target[] targets =
        [
            new("server-everything echo (node)", $"http://127.0.0.1:{port}/mcp", Call("echo", """{"message":"hi"}"""), Stateful: true, "Echo: hi"),
            new("weather get_alerts CA (upstream)", weatherUrl, Call("get_alerts", """{"state":"CA"}"""), Stateful: true, "\"state\":\"CA\""),
            new("weather get_alerts QQ (refused)", weatherUrl, Call("get_alerts", """{"state":"QQ"}"""), Stateful: true, "is not a US state"),
            new("nginx + 3 stateless weather (CA)", nginx.BaseUrl + "/mcp", Call("get_alerts", """{"state":"CA"}"""), Stateful: false, "\"state\":\"CA\""),
        ];

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = sessions });
        var results = targets.ToDictionary(t => t, _ => new List<WrkResult>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var target in targets)
            {
                results[target].Add(await MeasureAsync(http, target, sessions, duration, cancellationToken));
            }
        }

        Report(targets, results, sessions);
    }

    private static async Task<WrkResult> MeasureAsync(HttpClient http, Target target, int sessions, TimeSpan duration, CancellationToken cancellationToken)
    {
        var ids = target.Stateful
            ? await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => InitializeAsync(http, target.Url, cancellationToken)))
            : [];

        // One checked call first: wrk counts answers, it does not read them.
        var answer = await PostAsync(http, target.Url, target.Body, ids.FirstOrDefault(), cancellationToken);
        if (!answer.Contains(target.Expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{target.Label}: unexpected answer {answer}");
        }

        var result = await WrkRun.RunAsync(target.Url, target.Body, ids, sessions, duration, cancellationToken);
        foreach (var id in ids)
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, target.Url);
            delete.Headers.Add("Mcp-Session-Id", id);
            using var _ = await http.SendAsync(delete, cancellationToken);
        }

        if (result.Failures > 0)
        {
            throw new InvalidOperationException($"{target.Label}: {result.Failures} failed requests of {result.Requests}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {target.Label,-36} {result.RequestsPerSecond,9:F0} req/s  p50 {result.P50Milliseconds,7:F2} ms  p99 {result.P99Milliseconds,7:F2} ms  socket errors/timeouts {result.SocketErrors}"));
        return result;
    }

    private static void Report(Target[] targets, Dictionary<Target, List<WrkResult>> results, int sessions)
    {
        Console.WriteLine($"tools/call, {sessions} connections, median of rounds (p99: worst round):");
        var peer = Median(results[targets[0]]);
        foreach (var target in targets)
        {
            var rps = Median(results[target]);
            var p99 = results[target].Max(r => r.P99Milliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target.Label,-36} {rps,9:F0} req/s  p99 {p99,7:F2} ms  {rps / peer,6:F2}x server-everything"));
        }

        Console.WriteLine("goal: weather >= 10x server-everything with p99 < 20 ms");
    }

    private static double Median(List<WrkResult> runs) => runs.Select(r => r.RequestsPerSecond).Order().ElementAt(runs.Count / 2);

    private static string Call(string tool, string arguments) =>
        $$$"""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{arguments}}}}}""";

    private sealed record Target(string Label, string Url, string Body, bool Stateful, string Expected);

    private static async Task<string> InitializeAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        // protocolVersion as in ProtocolVersion.
        const string Initialize =
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"throughput-bench","version":"1.0"}}}""";
        using var request = Post(url, Initialize, sessionId: null);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var id = response.Headers.GetValues("Mcp-Session-Id").Single();
        await response.Content.ReadAsStringAsync(cancellationToken);
        await PostAsync(http, url, """{"jsonrpc":"2.0","method":"notifications/initialized"}""", id, cancellationToken);
        return id;
    }

    /// <summary>POSTs one message and returns the JSON of the answer, whether it came as JSON or as an SSE event.</summary>
    private static async Task<string> PostAsync(HttpClient http, string url, string json, string? sessionId, CancellationToken cancellationToken)
    {
        using var request = Post(url, json, sessionId);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return body;
        }

        var data = new StringBuilder();
        foreach (var line in body.Split('\n'))
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(5).Trim());
            }
        }

        return data.ToString();
    }

    private static HttpRequestMessage Post(string url, string json, string? sessionId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        if (!json.Contains("\"initialize\"", StringComparison.Ordinal))
        {
            request.Headers.Add("MCP-Protocol-Version", ProtocolVersion);
        }

        return request;
    }

    private static KilledOnDispose StartWeatherServer(string nwsBaseUrl, bool stateless)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { RepoPaths.ServerDll("WeatherServer"), "--http", "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(arg);
        }

        if (stateless)
        {
            info.ArgumentList.Add("--stateless");
        }

        info.Environment["NWS_BASE_URL"] = nwsBaseUrl;
        return new KilledOnDispose(Process.Start(info)!);
    }

    private static KilledOnDispose StartServerEverything(int port)
    {
        var info = new ProcessStartInfo(Peers.Bin("server-everything")) { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("streamableHttp");
        info.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        return new KilledOnDispose(Process.Start(info)!);
    }

    /// <summary>Reads stderr and stdout until a line matches; returns the first capture group (or the line).</summary>
    private static async Task<string> WaitForLineAsync(KilledOnDispose server, Regex pattern, CancellationToken cancellationToken)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is { } line && pattern.Match(line) is { Success: true } match)
            {
                found.TrySetResult(match.Groups.Count > 1 ? match.Groups[1].Value : line);
            }
        }

        server.Process.ErrorDataReceived += OnLine;
        server.Process.OutputDataReceived += OnLine;
        server.Process.BeginErrorReadLine();
        server.Process.BeginOutputReadLine();
        return await found.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"listening on (http://\S+/mcp)")]
    private static partial Regex WeatherListening();

    [GeneratedRegex(@"(?i)listening on port")]
    private static partial Regex EverythingListening();

    private sealed class CompositeDisposable(IReadOnlyList<KilledOnDispose> items) : IDisposable
    {
        public IReadOnlyList<KilledOnDispose> Items => items;

        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }

    private sealed class KilledOnDispose(Process process) : IDisposable
    {
        public Process Process => process;

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
