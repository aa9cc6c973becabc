using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace SkMcpAgent.Testing.Nws;

/// <summary>
/// A loopback stand-in for api.weather.gov: serves the recorded responses in ../shared/fixtures/nws (with their
/// https://api.weather.gov links rewritten to its own address), answers scripted failures for chosen paths,
/// and records every request.
/// </summary>
public sealed partial class FakeNwsServer : IAsyncDisposable
{
    /// <summary>The real NWS origin, as it appears inside the recorded bodies.</summary>
    public const string RealBaseUrl = "https://api.weather.gov";

    /// <summary>The point the recorded points.json answers (downtown Austin, TX).</summary>
    public const double AustinLatitude = 30.2672;
    public const double AustinLongitude = -97.7431;

    private LoopbackHttpServer? _http;
    private readonly ConcurrentDictionary<string, Scripted> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedNwsRequest> _requests = new();

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash); give it to the weather server as NWS_BASE_URL.</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedNwsRequest> Requests => [.. _requests];

    public static async Task<FakeNwsServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new FakeNwsServer();
        server._http = await LoopbackHttpServer.StartAsync(server.HandleAsync, cancellationToken);
        server.BaseUrl = server._http.BaseUrl.ToString().TrimEnd('/');
        return server;
    }

    /// <summary>Answers <paramref name="path"/> (e.g. <c>/alerts/active/area/TX</c>) with <paramref name="response"/>, the next <paramref name="times"/> times.</summary>
    public void Script(string path, FakeNwsResponse response, int times = int.MaxValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(response);
        _scripts[path] = new Scripted(response, times);
    }

    public void ClearScripts() => _scripts.Clear();

    public async ValueTask DisposeAsync()
    {
        if (_http is not null)
        {
            await _http.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        _requests.Enqueue(new RecordedNwsRequest(path, request.QueryString.Value ?? "", request.Headers.UserAgent.ToString(), request.Headers.Accept.ToString()));

        var response = TakeScripted(path) ?? Recorded(path, request.Query);
        if (response.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body.Replace(RealBaseUrl, BaseUrl, StringComparison.Ordinal), context.RequestAborted);
    }

    private FakeNwsResponse? TakeScripted(string path)
    {
        while (_scripts.TryGetValue(path, out var scripted))
        {
            if (scripted.Remaining <= 0)
            {
                _scripts.TryRemove(new KeyValuePair<string, Scripted>(path, scripted));
                return null;
            }

            if (_scripts.TryUpdate(path, scripted with { Remaining = scripted.Remaining == int.MaxValue ? int.MaxValue : scripted.Remaining - 1 }, scripted))
            {
                return scripted.Response;
            }
        }

        return null;
    }

    private sealed record Scripted(FakeNwsResponse Response, int Remaining);
}
