using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Nws;

namespace WeatherServer.Tests.Processes;

/// <summary>The built server as a real process, driven by the MCP C# client over each transport.</summary>
[Collection(WeatherHttpTests.Name)]
public sealed class TransportTests(WeatherHttpFixture fixture)
{
    [Fact]
    public async Task Stdio_ListsAndCallsTools()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "weather",
            Command = "dotnet",
            Arguments = [RepoPaths.ServerDll("WeatherServer")],
            EnvironmentVariables = new Dictionary<string, string?> { ["NWS_BASE_URL"] = fixture.Nws.BaseUrl },
        });
        await using var client = await McpClient.CreateAsync(transport, Options(), NullLoggerFactory.Instance, TestTimeouts.DefaultToken());

        await AssertToolsWorkAsync(client);
    }

    [Theory]
    [InlineData(HttpTransportMode.StreamableHttp)]
    [InlineData(HttpTransportMode.Sse)]
    public async Task Http_ListsAndCallsTools(HttpTransportMode mode)
    {
        var endpoint = mode == HttpTransportMode.Sse ? fixture.Server.SseUrl : fixture.Server.McpUrl;
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(endpoint), TransportMode = mode }, NullLoggerFactory.Instance);
        await using var client = await McpClient.CreateAsync(transport, Options(), NullLoggerFactory.Instance, TestTimeouts.DefaultToken());

        await AssertToolsWorkAsync(client);
    }

    [Theory]
    [InlineData(HttpTransportMode.AutoDetect, "/mcp")]
    [InlineData(HttpTransportMode.StreamableHttp, "/mcp")]
    [InlineData(HttpTransportMode.Sse, "/sse")]
    public async Task Http_Works_WithTheClientsDefaultNewestProtocol(HttpTransportMode mode, string path)
    {
        // The 2.4 client speaks 2026-07-28 first: /mcp serves it without a session; the SSE transport falls back to initialize.
        var options = new HttpClientTransportOptions { Endpoint = new Uri(fixture.Server.BaseUrl + path), TransportMode = mode };
        var transport = new HttpClientTransport(options, NullLoggerFactory.Instance);
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions(), NullLoggerFactory.Instance, TestTimeouts.DefaultToken());

        Assert.Equal("weather", client.ServerInfo?.Name);
        await AssertToolsWorkAsync(client);
    }

    private static McpClientOptions Options() => new() { ProtocolVersion = "2025-11-25" };

    private static async Task AssertToolsWorkAsync(McpClient client)
    {
        var token = TestTimeouts.DefaultToken();
        Assert.Equal("weather", client.ServerInfo?.Name);
        var tools = await client.ListToolsAsync(cancellationToken: token);
        Assert.Equal(["get_alerts", "get_forecast"], tools.Select(t => t.Name).Order());

        var forecast = await client.CallToolAsync("get_forecast",
            new Dictionary<string, object?> { ["latitude"] = FakeNwsServer.AustinLatitude, ["longitude"] = FakeNwsServer.AustinLongitude },
            cancellationToken: token);
        Assert.StartsWith("Forecast for Austin, TX:", Assert.IsType<TextContentBlock>(Assert.Single(forecast.Content)).Text, StringComparison.Ordinal);

        var badState = await client.CallToolAsync("get_alerts", new Dictionary<string, object?> { ["state"] = "QQ" }, cancellationToken: token);
        Assert.True(badState.IsError);
        Assert.Contains("'QQ' is not a US state or territory code", Assert.IsType<TextContentBlock>(Assert.Single(badState.Content)).Text, StringComparison.Ordinal);
    }
}
