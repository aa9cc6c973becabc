using System.Net.Http.Headers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>One streamableHttp and one sse server-everything, reached as "http", "sse" and "fallback" (http that falls back to SSE).</summary>
public sealed class HttpHubFixture : IAsyncLifetime
{
    private EverythingHttpServer? _streamable;
    private EverythingHttpServer? _sse;

    public McpServerHub Hub { get; private set; } = null!;

    public EverythingHttpServer Streamable => _streamable!;

    public async Task InitializeAsync()
    {
        var starting = new[] { EverythingHttpServer.StartAsync("streamableHttp"), EverythingHttpServer.StartAsync("sse") };
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            _streamable = starting[0].IsCompletedSuccessfully ? starting[0].Result : null;
            _sse = starting[1].IsCompletedSuccessfully ? starting[1].Result : null;
        }

        McpServerConfig[] servers =
        [
            new() { Name = "http", Transport = McpTransportKind.Http, Url = Streamable.BaseUrl + "/mcp", Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " } },
            new() { Name = "sse", Transport = McpTransportKind.Sse, Url = _sse!.BaseUrl + "/sse" },
            new() { Name = "fallback", Transport = McpTransportKind.Http, Url = _sse.BaseUrl + "/sse" },
        ];
        Hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);
        Hub.Start();
        await Hub.WaitForAllAsync(TestTimeouts.DefaultToken());
    }

    public async Task DisposeAsync()
    {
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        foreach (var server in new[] { _streamable, _sse })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}

public sealed class McpServerHubHttpTests(HttpHubFixture fixture) : IClassFixture<HttpHubFixture>
{
    [Theory]
    [InlineData("http")]
    [InlineData("sse")]
    [InlineData("fallback")]
    public async Task RemoteServer_ToolsBecomeFunctionsAndAnswer(string server)
    {
        Assert.Equal(ServerState.Ready, fixture.Hub.Servers.Single(s => s.Name == server).State);

        var echo = fixture.Hub.GetFunctions().Single(f => f.Name == server + "_echo");
        var reply = await echo.InvokeAsync(new AIFunctionArguments(new Dictionary<string, object?> { ["message"] = "over " + server }), TestTimeouts.DefaultToken());

        Assert.Equal("Echo: over " + server, reply);
    }

    [Fact]
    public async Task ExpiredSession_IsReinitialisedTransparently()
    {
        var connection = fixture.Hub.Servers.Single(s => s.Name == "http");
        var client = await connection.GetClientAsync(TestTimeouts.DefaultToken());
        Assert.False(string.IsNullOrEmpty(client.SessionId));

        // End the session behind the client's back, as a server restart or an idle timeout would.
        using (var http = new HttpClient())
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, fixture.Streamable.BaseUrl + "/mcp"))
        {
            delete.Headers.Add("Mcp-Session-Id", client.SessionId);
            delete.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            delete.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await http.SendAsync(delete, TestTimeouts.DefaultToken());
            Assert.True(response.IsSuccessStatusCode, $"DELETE answered {(int)response.StatusCode}");
        }

        var echo = fixture.Hub.GetFunctions().Single(f => f.Name == "http_echo");
        var reply = await echo.InvokeAsync(new AIFunctionArguments(new Dictionary<string, object?> { ["message"] = "after expiry" }), TestTimeouts.DefaultToken());

        Assert.Equal("Echo: after expiry", reply);
        Assert.NotEqual(client.SessionId, (await connection.GetClientAsync(TestTimeouts.DefaultToken())).SessionId);
    }
}
