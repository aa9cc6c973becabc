using System.Net;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Mcp;

namespace WeatherServer.Tests.Processes;

[Collection(WeatherHttpTests.Name)]
public sealed class HttpSecurityTests(WeatherHttpFixture fixture)
{
    [Fact]
    public async Task Delete_EndsTheSession_SoItsIdThenGets404()
    {
        using var http = new HttpClient();
        var token = TestTimeouts.DefaultToken();
        var url = fixture.Server.McpUrl;
        var sessionId = await RawMcp.StartSessionAsync(http, url, token);

        using var listed = await http.SendAsync(RawMcp.Post(url, RawMcp.ToolsList, sessionId), token);
        using var deleted = await http.SendAsync(RawMcp.Delete(url, sessionId), token);
        using var after = await http.SendAsync(RawMcp.Post(url, RawMcp.ToolsList, sessionId), token);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains("get_forecast", await listed.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Contains("Session not found", await after.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Gets404_ForAnUnknownSession()
    {
        using var http = new HttpClient();

        using var response = await http.SendAsync(RawMcp.Post(fixture.Server.McpUrl, RawMcp.ToolsList, "no-such-session"), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Host", "evil.example.com", "Forbidden: the Host header is not allowed.")]
    [InlineData("Origin", "http://evil.example.com", "Forbidden: the Origin header is not allowed.")]
    public async Task Post_Gets403_ForAForeignHostOrOrigin(string header, string value, string expected)
    {
        using var http = new HttpClient();
        using var request = RawMcp.Post(fixture.Server.McpUrl, RawMcp.Initialize);
        if (header == "Host")
        {
            request.Headers.Host = value;
        }
        else
        {
            request.Headers.Add(header, value);
        }

        using var response = await http.SendAsync(request, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
    }

    [Fact]
    public async Task Sse_Gets403_ForAForeignOrigin()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Server.SseUrl);
        request.Headers.Add("Origin", "https://attacker.example");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_Gets413_WhenTheBodyIsTooLarge()
    {
        using var http = new HttpClient();
        var huge = RawMcp.Initialize.Replace("raw-test", new string('x', 2 * 1024 * 1024), StringComparison.Ordinal);

        using var response = await http.SendAsync(RawMcp.Post(fixture.Server.McpUrl, huge), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_HidesExceptionDetail_WhenTheBodyIsNotJson()
    {
        using var http = new HttpClient();

        using var response = await http.SendAsync(RawMcp.Post(fixture.Server.McpUrl, "{ not json"), TestTimeouts.DefaultToken());

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Parse error: the body is not valid JSON.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}
