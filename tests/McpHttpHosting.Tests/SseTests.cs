using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Testing;

namespace McpHttpHosting.Tests;

public sealed class SseTests() : HostedServerTest()
{
    [Fact]
    public async Task Client_CallsATool_OverLegacySse()
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(Host.BaseUrl + "/sse"), TransportMode = HttpTransportMode.Sse }, NullLoggerFactory.Instance);
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2024-11-05" }, NullLoggerFactory.Instance, TestTimeouts.DefaultToken());

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "old" }, cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal("old (scoped)", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task Stream_AnnouncesTheMessagesEndpointFirst()
    {
        using var response = await Http.GetAsync(Host.BaseUrl + "/sse", HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var eventLine = await reader.ReadLineAsync(TestTimeouts.DefaultToken());
        var dataLine = await reader.ReadLineAsync(TestTimeouts.DefaultToken());

        Assert.Equal("event: endpoint", eventLine);
        Assert.StartsWith("data: /mcp/message?sessionId=", dataLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_Gets400_ForAnUnknownSession()
    {
        using var content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", Encoding.UTF8, "application/json");

        using var response = await Http.PostAsync(Host.BaseUrl + "/mcp/message?sessionId=nope", content, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Session ID not found.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
