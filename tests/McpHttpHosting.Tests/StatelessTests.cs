using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Mcp;

namespace McpHttpHosting.Tests;

/// <summary>Stateless mode: no session is held, so any replica can answer any request.</summary>
public sealed class StatelessTests() : HostedServerTest(o => o.Stateless = true)
{
    [Fact]
    public async Task Client_CallsATool_WithNoSessionId()
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(Host.McpUrl), TransportMode = HttpTransportMode.StreamableHttp }, NullLoggerFactory.Instance);
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" }, NullLoggerFactory.Instance, TestTimeouts.DefaultToken());

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "any replica" }, cancellationToken: TestTimeouts.DefaultToken());

        Assert.Null(client.SessionId);
        Assert.Equal("any replica (scoped)", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task Request_NeedsNoInitializeFirst()
    {
        using var response = await Http.SendAsync(RawMcp.Post(Host.McpUrl, RawMcp.ToolsList), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
        Assert.Contains("\"echo\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LegacySse_IsNotServed()
    {
        using var response = await Http.GetAsync(Host.BaseUrl + "/sse", HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Guard_StillRefusesAForeignHost()
    {
        using var request = RawMcp.Post(Host.McpUrl, RawMcp.ToolsList);
        request.Headers.Host = "evil.example.com";

        using var response = await Http.SendAsync(request, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
