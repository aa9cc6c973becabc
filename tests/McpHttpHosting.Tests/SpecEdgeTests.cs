using System.Net;
using System.Text;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Mcp;

namespace McpHttpHosting.Tests;

/// <summary>The 2025-11-25 Streamable HTTP transport's answers to malformed requests, and 2025-03-26 batches.</summary>
public sealed class SpecEdgeTests() : HostedServerTest()
{
    private const string Initialize20250326 =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"old","version":"1.0"}}}""";

    [Fact]
    public async Task MalformedJson_GetsParseError32700()
    {
        using var response = await Http.SendAsync(RawMcp.Post(Host.McpUrl, """{"jsonrpc":"2.0","id":1,"""), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32700, await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task WellFormedJsonThatIsNoMessage_StaysInvalidRequest32600()
    {
        using var response = await Http.SendAsync(RawMcp.Post(Host.McpUrl, """{"hello":"world"}"""), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32600, await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task WrongContentType_Gets415()
    {
        using var request = RawMcp.Post(Host.McpUrl, RawMcp.Initialize);
        request.Content = new StringContent(RawMcp.Initialize, Encoding.UTF8, "text/plain");

        using var response = await Http.SendAsync(request, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type: application/json", await RawMcp.ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAcceptHeader_Gets406()
    {
        using var request = RawMcp.Post(Host.McpUrl, RawMcp.Initialize);
        request.Headers.Accept.Clear();

        using var response = await Http.SendAsync(request, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Batch_IsAnsweredInOneStream_InA20250326Session()
    {
        var token = TestTimeouts.DefaultToken();
        using var initialized = await Http.SendAsync(RawMcp.Post(Host.McpUrl, Initialize20250326), token);
        var sessionId = initialized.Headers.GetValues("Mcp-Session-Id").Single();
        const string Batch = """
            [{"jsonrpc":"2.0","method":"notifications/initialized"},
             {"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"echo","arguments":{"message":"one"}}},
             {"jsonrpc":"2.0","id":"b","method":"ping"}]
            """;

        using var response = await Http.SendAsync(RawMcp.Post(Host.McpUrl, Batch, sessionId), token);

        var body = await response.Content.ReadAsStringAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("""one (scoped)""", body, StringComparison.Ordinal);
        Assert.Contains("""{"result":{},"id":"b","jsonrpc":"2.0"}""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchOfNotifications_Gets202()
    {
        var token = TestTimeouts.DefaultToken();
        using var initialized = await Http.SendAsync(RawMcp.Post(Host.McpUrl, Initialize20250326), token);
        var sessionId = initialized.Headers.GetValues("Mcp-Session-Id").Single();

        using var response = await Http.SendAsync(
            RawMcp.Post(Host.McpUrl, """[{"jsonrpc":"2.0","method":"notifications/initialized"}]""", sessionId), token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Batch_IsRefused_InA20251125Session()
    {
        // 2025-06-18 removed batches; its clients name their revision in every request.
        var token = TestTimeouts.DefaultToken();
        var sessionId = await RawMcp.StartSessionAsync(Http, Host.McpUrl, token);
        using var request = RawMcp.Post(Host.McpUrl, """[{"jsonrpc":"2.0","id":1,"method":"ping"}]""", sessionId);
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");

        using var response = await Http.SendAsync(request, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32600, await ErrorCodeAsync(response));
    }

    private static async Task<int> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetInt32();
    }
}
