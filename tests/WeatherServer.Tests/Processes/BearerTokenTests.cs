using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Nws;

namespace WeatherServer.Tests.Processes;

/// <summary>MCP_AUTH_TOKEN set: every request needs the bearer token.</summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private const string Token = "test-token-7f3a";
    private FakeNwsServer _nws = null!;
    private WeatherHttpServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _nws = await FakeNwsServer.StartAsync();
        _server = await WeatherHttpServerProcess.StartAsync(_nws.BaseUrl, new Dictionary<string, string> { ["MCP_AUTH_TOKEN"] = Token });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _nws.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic dGVzdA==")]
    public async Task Post_Gets401WithBearerChallenge_WithoutTheToken(string? authorization)
    {
        using var http = new HttpClient();
        using var request = McpHttp.Post(_server.McpUrl, McpHttp.Initialize);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task SseStream_Gets401_WithoutTheToken()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(_server.SseUrl, HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Client_Works_WithTheToken()
    {
        var options = new HttpClientTransportOptions
        {
            Endpoint = new Uri(_server.McpUrl),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = new AuthenticationHeaderValue("Bearer", Token).ToString() },
        };
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(options, NullLoggerFactory.Instance),
            new McpClientOptions { ProtocolVersion = "2025-11-25" }, NullLoggerFactory.Instance, TestTimeouts.DefaultToken());

        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal(2, tools.Count);
    }
}
