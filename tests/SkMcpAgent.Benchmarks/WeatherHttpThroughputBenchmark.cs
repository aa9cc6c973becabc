using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// tools/list requests per second over Streamable HTTP with N concurrent sessions, against our weather server and
/// against server-everything, with the same raw HttpClient code. Build the server in Release first:
/// <c>dotnet build -c Release servers/WeatherServer</c>. Arguments: [seconds=10] [sessions=16].
/// </summary>
public sealed partial class WeatherHttpThroughputBenchmark : IBenchmark
{
    private const string ProtocolVersion = "2025-06-18";

    public string Name => "weather-http-throughput";

    public string Description => "tools/list req/s, 16 Streamable HTTP sessions: weather server vs server-everything";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var sessions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        var duration = TimeSpan.FromSeconds(seconds);

        double weather;
        using (var server = StartWeatherServer())
        {
            var url = await WaitForLineAsync(server, WeatherListening(), cancellationToken);
            weather = await MeasureAsync("weather (.NET, McpHttpHosting)", url, sessions, duration, cancellationToken);
        }

        double everything;
        var port = FreePort();
        using (var server = StartServerEverything(port))
        {
            await WaitForLineAsync(server, EverythingListening(), cancellationToken);
            everything = await MeasureAsync("server-everything (node)", $"http://127.0.0.1:{port}/mcp", sessions, duration, cancellationToken);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio weather / server-everything: {weather / everything:F2}x (target >= 3x)"));
    }

    private static async Task<double> MeasureAsync(string label, string url, int sessions, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = sessions * 2, UseProxy = false };
        using var http = new HttpClient(handler);
        var ids = await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => InitializeAsync(http, url, cancellationToken)));

        // Warm up (JIT, connection pools) before the measured window.
        await RunLoopsAsync(http, url, ids, TimeSpan.FromSeconds(1), cancellationToken);
        var (count, samples) = await RunLoopsAsync(http, url, ids, duration, cancellationToken);

        foreach (var id in ids)
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, url);
            delete.Headers.Add("Mcp-Session-Id", id);
            using var _ = await http.SendAsync(delete, cancellationToken);
        }

        var perSecond = count / duration.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-34} {perSecond,10:F0} req/s  ({count} tools/list in {duration.TotalSeconds:F0} s, {sessions} sessions)"));
        Console.WriteLine("  " + samples);
        return perSecond;
    }

    private static async Task<(long Count, Samples Latency)> RunLoopsAsync(HttpClient http, string url, string[] ids, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(duration);
        var latencies = new Samples("tools/list latency");
        long count = 0;
        await Task.WhenAll(ids.Select(async id =>
        {
            var local = new List<TimeSpan>();
            var requestId = 10;
            while (!window.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var body = await PostAsync(http, url, $$"""{"jsonrpc":"2.0","id":{{requestId++}},"method":"tools/list"}""", id, window.Token);
                    if (!body.Contains("\"tools\"", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException("tools/list answered without tools: " + body);
                    }
                }
                catch (OperationCanceledException) when (window.IsCancellationRequested)
                {
                    break;
                }

                local.Add(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref count);
            }

            lock (latencies)
            {
                local.ForEach(latencies.Add);
            }
        }));
        return (count, latencies);
    }

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
    private static async Task<string> PostAsync(HttpClient http, string url, string json, string sessionId, CancellationToken cancellationToken)
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
            request.Headers.Add("MCP-Protocol-Version", ProtocolVersion);
        }

        return request;
    }

    private static KilledOnDispose StartWeatherServer()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { RepoPaths.ServerDll("WeatherServer"), "--http", "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NWS_BASE_URL"] = "http://127.0.0.1:9";
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
