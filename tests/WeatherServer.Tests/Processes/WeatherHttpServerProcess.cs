using System.Text.RegularExpressions;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Processes;

namespace WeatherServer.Tests.Processes;

/// <summary>The built weather server running with --http on a free loopback port.</summary>
public sealed partial class WeatherHttpServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private WeatherHttpServerProcess(ChildProcess process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    public string McpUrl => BaseUrl + "/mcp";

    public string SseUrl => BaseUrl + "/sse";

    public ChildProcess Process => _process;

    public static async Task<WeatherHttpServerProcess> StartAsync(
        string nwsBaseUrl, IReadOnlyDictionary<string, string>? environment = null, bool stateless = false)
    {
        var env = new Dictionary<string, string> { ["NWS_BASE_URL"] = nwsBaseUrl };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        // Port 0: the server binds a free port and prints it, so parallel tests never collide.
        string[] arguments = [RepoPaths.ServerDll("WeatherServer"), "--http", "--urls", "http://127.0.0.1:0", .. stateless ? ["--stateless"] : Array.Empty<string>()];
        var process = ChildProcess.Start("dotnet", arguments, env);
        try
        {
            var line = await process.WaitForLineAsync(l => l.Contains("listening on", StringComparison.Ordinal), TestTimeouts.DefaultToken());
            return new WeatherHttpServerProcess(process, ListeningAddress().Match(line).Groups[1].Value);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"listening on (http://[^/\s]+)/mcp")]
    private static partial Regex ListeningAddress();
}
