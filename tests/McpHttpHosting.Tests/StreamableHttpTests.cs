using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Mcp;

namespace McpHttpHosting.Tests;

public sealed class StreamableHttpTests() : HostedServerTest(o => o.MaxSessions = 3)
{
    /// <summary>A 2026-07-28 request: no initialize before it, the protocol version and capabilities in its own _meta.</summary>
    private const string SessionlessToolsList =
        """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}""";

    [Fact]
    public async Task Client_CallsATool_InALaterRequestThanInitialize()
    {
        // The session's server must use the application's services: the initialize request's scope is gone by now.
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(Host.McpUrl), TransportMode = HttpTransportMode.StreamableHttp }, NullLoggerFactory.Instance);
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" }, NullLoggerFactory.Instance, TestTimeouts.DefaultToken());

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hi" }, cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal("hi (scoped)", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task Initialize_ReturnsASessionIdHeader()
    {
        using var response = await Http.SendAsync(RawMcp.Post(Host.McpUrl, RawMcp.Initialize), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("Mcp-Session-Id").Single()));
    }

    [Fact]
    public async Task Post_Gets406_WhenTheClientDoesNotAcceptEventStreams()
    {
        using var request = RawMcp.Post(Host.McpUrl, RawMcp.Initialize);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await Http.SendAsync(request, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Post_Gets400_WhenANonInitializeRequestHasNoSession()
    {
        using var response = await Http.SendAsync(RawMcp.Post(Host.McpUrl, RawMcp.ToolsList), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A new session can only be created by an initialize request", await RawMcp.ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Gets400_ForAnUnsupportedProtocolVersionHeader()
    {
        var sessionId = await RawMcp.StartSessionAsync(Http, Host.McpUrl, TestTimeouts.DefaultToken());
        using var request = RawMcp.Post(Host.McpUrl, RawMcp.ToolsList, sessionId);
        request.Headers.Add("MCP-Protocol-Version", "1999-01-01");

        using var response = await Http.SendAsync(request, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MCP-Protocol-Version header value '1999-01-01' is not supported", await RawMcp.ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notification_Gets202WithNoBody()
    {
        var sessionId = await RawMcp.StartSessionAsync(Http, Host.McpUrl, TestTimeouts.DefaultToken());

        using var response = await Http.SendAsync(
            RawMcp.Post(Host.McpUrl, """{"jsonrpc":"2.0","method":"notifications/roots/list_changed"}""", sessionId), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_OpensOneEventStreamPerSession()
    {
        var sessionId = await RawMcp.StartSessionAsync(Http, Host.McpUrl, TestTimeouts.DefaultToken());

        using var first = await Http.SendAsync(RawMcp.Get(Host.McpUrl, sessionId), HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());
        using var second = await Http.SendAsync(RawMcp.Get(Host.McpUrl, sessionId), HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/event-stream", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task Get_Gets400_WhenAskedToResumeAnUnknownStream()
    {
        var sessionId = await RawMcp.StartSessionAsync(Http, Host.McpUrl, TestTimeouts.DefaultToken());
        using var request = RawMcp.Get(Host.McpUrl, sessionId);
        request.Headers.Add("Last-Event-ID", "42");

        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad Request: The specified Last-Event-ID is either invalid or expired.", await RawMcp.ErrorMessageAsync(response));
    }

    [Fact]
    public async Task Delete_EndsTheSessionAndItsGetStream()
    {
        var sessionId = await RawMcp.StartSessionAsync(Http, Host.McpUrl, TestTimeouts.DefaultToken());
        using var stream = await Http.SendAsync(RawMcp.Get(Host.McpUrl, sessionId), HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());
        var body = await stream.Content.ReadAsStreamAsync();

        using var deleted = await Http.SendAsync(RawMcp.Delete(Host.McpUrl, sessionId), TestTimeouts.DefaultToken());
        // The stream held only its priming event; it ends when the session does.
        var rest = await new StreamReader(body).ReadToEndAsync(TestTimeouts.DefaultToken());
        using var again = await Http.SendAsync(RawMcp.Delete(Host.McpUrl, sessionId), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.StartsWith("retry: 1000\nevent: prime\n", rest, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task SessionCap_Refuses503_WhenFull_AndAdmitsAgainOnceASessionEnds()
    {
        var token = TestTimeouts.DefaultToken();
        var first = await RawMcp.StartSessionAsync(Http, Host.McpUrl, token);
        await RawMcp.StartSessionAsync(Http, Host.McpUrl, token);
        await RawMcp.StartSessionAsync(Http, Host.McpUrl, token);

        using var refused = await Http.SendAsync(RawMcp.Post(Host.McpUrl, RawMcp.Initialize), token);
        using var stillServed = await Http.SendAsync(RawMcp.Post(Host.McpUrl, RawMcp.ToolsList, first), token);
        using var deleted = await Http.SendAsync(RawMcp.Delete(Host.McpUrl, first), token);
        using var admitted = await Http.SendAsync(RawMcp.Post(Host.McpUrl, RawMcp.Initialize), token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("too many open sessions", await RawMcp.ErrorMessageAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Fact]
    public async Task SessionCap_CountsLegacySseStreams()
    {
        var token = TestTimeouts.DefaultToken();
        await RawMcp.StartSessionAsync(Http, Host.McpUrl, token);
        await RawMcp.StartSessionAsync(Http, Host.McpUrl, token);
        using var stream = await Http.GetAsync(Host.BaseUrl + "/sse", HttpCompletionOption.ResponseHeadersRead, token);

        using var refused = await Http.SendAsync(RawMcp.Post(Host.McpUrl, RawMcp.Initialize), token);

        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
    }

    [Fact]
    public async Task ResponseStream_StartsWithAPrimingEventCarryingRetry()
    {
        using var response = await Http.SendAsync(RawMcp.Post(Host.McpUrl, RawMcp.Initialize), TestTimeouts.DefaultToken());
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n");

        var priming = events[0].Split('\n');
        Assert.Contains("retry: 1000", priming);
        Assert.Contains("data: ", priming);
        Assert.Contains(priming, line => line.StartsWith("id: ", StringComparison.Ordinal));
        Assert.Contains("\"serverInfo\"", events[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewestProtocol_IsServedWithoutASession()
    {
        using var request = RawMcp.Post(Host.McpUrl, SessionlessToolsList);
        request.Headers.Add("MCP-Protocol-Version", "2026-07-28");
        request.Headers.Add("Mcp-Method", "tools/list");

        using var response = await Http.SendAsync(request, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
        Assert.Contains("\"echo\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
