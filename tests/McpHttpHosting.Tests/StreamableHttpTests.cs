using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Testing;

namespace McpHttpHosting.Tests;

public sealed class StreamableHttpTests : IAsyncLifetime, IDisposable
{
    private readonly ManualTimeProvider _clock = new();
    private readonly HttpClient _http = new();
    private TestMcpHost _host = null!;

    public async Task InitializeAsync() => _host = await TestMcpHost.StartAsync(o =>
    {
        o.TimeProvider = _clock;
        o.IdleTimeout = TimeSpan.FromMinutes(10);
        o.MaxSessions = 3;
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Client_CallsATool_InALaterRequestThanInitialize()
    {
        // The session's server must use the application's services: the initialize request's scope is gone by now.
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(_host.McpUrl), TransportMode = HttpTransportMode.StreamableHttp }, NullLoggerFactory.Instance);
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" }, NullLoggerFactory.Instance, TestTimeouts.DefaultToken());

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hi" }, cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal("hi (scoped)", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task Initialize_ReturnsASessionIdHeader()
    {
        using var response = await _http.SendAsync(RawMcp.Post(_host.McpUrl, RawMcp.Initialize), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("Mcp-Session-Id").Single()));
    }

    [Fact]
    public async Task Post_Gets406_WhenTheClientDoesNotAcceptEventStreams()
    {
        using var request = RawMcp.Post(_host.McpUrl, RawMcp.Initialize);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await _http.SendAsync(request, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Post_Gets400_WhenANonInitializeRequestHasNoSession()
    {
        using var response = await _http.SendAsync(RawMcp.Post(_host.McpUrl, RawMcp.ToolsList), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("only an initialize request may start a session", await RawMcp.ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Gets400_ForAnUnsupportedProtocolVersionHeader()
    {
        var sessionId = await RawMcp.StartSessionAsync(_http, _host.McpUrl, TestTimeouts.DefaultToken());
        using var request = RawMcp.Post(_host.McpUrl, RawMcp.ToolsList, sessionId);
        request.Headers.Add("MCP-Protocol-Version", "1999-01-01");

        using var response = await _http.SendAsync(request, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MCP-Protocol-Version '1999-01-01' is not supported", await RawMcp.ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notification_Gets202WithNoBody()
    {
        var sessionId = await RawMcp.StartSessionAsync(_http, _host.McpUrl, TestTimeouts.DefaultToken());

        using var response = await _http.SendAsync(
            RawMcp.Post(_host.McpUrl, """{"jsonrpc":"2.0","method":"notifications/roots/list_changed"}""", sessionId), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_OpensOneEventStreamPerSession()
    {
        var sessionId = await RawMcp.StartSessionAsync(_http, _host.McpUrl, TestTimeouts.DefaultToken());

        using var first = await _http.SendAsync(RawMcp.Get(_host.McpUrl, sessionId), HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());
        using var second = await _http.SendAsync(RawMcp.Get(_host.McpUrl, sessionId), HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/event-stream", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task Get_Gets400_WhenAskedToResumeAStream()
    {
        var sessionId = await RawMcp.StartSessionAsync(_http, _host.McpUrl, TestTimeouts.DefaultToken());
        using var request = RawMcp.Get(_host.McpUrl, sessionId);
        request.Headers.Add("Last-Event-ID", "42");

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad Request: this server does not support resuming streams.", await RawMcp.ErrorMessageAsync(response));
    }

    [Fact]
    public async Task Delete_EndsTheSessionAndItsGetStream()
    {
        var sessionId = await RawMcp.StartSessionAsync(_http, _host.McpUrl, TestTimeouts.DefaultToken());
        using var stream = await _http.SendAsync(RawMcp.Get(_host.McpUrl, sessionId), HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());
        var body = await stream.Content.ReadAsStreamAsync();

        using var deleted = await _http.SendAsync(RawMcp.Delete(_host.McpUrl, sessionId), TestTimeouts.DefaultToken());
        var endOfStream = await body.ReadAsync(new byte[256], TestTimeouts.DefaultToken());
        using var again = await _http.SendAsync(RawMcp.Delete(_host.McpUrl, sessionId), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(0, endOfStream);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task IdleSession_Expires_AndThenGets404()
    {
        var store = _host.Services.GetRequiredService<McpSessionStore>();
        var idle = await RawMcp.StartSessionAsync(_http, _host.McpUrl, TestTimeouts.DefaultToken());
        _clock.Advance(TimeSpan.FromMinutes(6));
        var recent = await RawMcp.StartSessionAsync(_http, _host.McpUrl, TestTimeouts.DefaultToken());
        _clock.Advance(TimeSpan.FromMinutes(6));

        await store.PruneIdleSessionsAsync();

        using var expired = await _http.SendAsync(RawMcp.Post(_host.McpUrl, RawMcp.ToolsList, idle), TestTimeouts.DefaultToken());
        using var alive = await _http.SendAsync(RawMcp.Post(_host.McpUrl, RawMcp.ToolsList, recent), TestTimeouts.DefaultToken());
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task SessionCap_ClosesTheLongestIdleSession_WhenFull()
    {
        var oldest = await RawMcp.StartSessionAsync(_http, _host.McpUrl, TestTimeouts.DefaultToken());
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = await RawMcp.StartSessionAsync(_http, _host.McpUrl, TestTimeouts.DefaultToken());
        _clock.Advance(TimeSpan.FromSeconds(1));
        await RawMcp.StartSessionAsync(_http, _host.McpUrl, TestTimeouts.DefaultToken());
        _clock.Advance(TimeSpan.FromSeconds(1));

        await RawMcp.StartSessionAsync(_http, _host.McpUrl, TestTimeouts.DefaultToken());

        using var evicted = await _http.SendAsync(RawMcp.Post(_host.McpUrl, RawMcp.ToolsList, oldest), TestTimeouts.DefaultToken());
        using var kept = await _http.SendAsync(RawMcp.Post(_host.McpUrl, RawMcp.ToolsList, second), TestTimeouts.DefaultToken());
        Assert.Equal(HttpStatusCode.NotFound, evicted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }
}
