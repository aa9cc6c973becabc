using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Nws;

namespace WeatherServer.Tests.Processes;

/// <summary>
/// Three stateless weather servers behind nginx round robin, as a scaled-out deployment runs them: consecutive
/// requests of one client land on different replicas, which only works because no replica holds a session.
/// This test kills a replica, so it has replicas of its own.
/// </summary>
public sealed class LoadBalancedReplicasTests : IAsyncLifetime
{
    private readonly LoadBalancedReplicasFixture _replicas = new();

    private string McpUrl => _replicas.McpUrl;

    public Task InitializeAsync() => _replicas.InitializeAsync();

    public Task DisposeAsync() => _replicas.DisposeAsync();

    [Fact]
    public async Task ToolCalls_AndConformance_PassThroughTheLoadBalancer_AndGoOnWhenAReplicaDies()
    {
        await using (var client = await ConnectAsync(TestTimeouts.DefaultToken()))
        {
            // Six calls round-robin over three replicas: each replica serves some, none has seen the client before.
            await AssertForecastsAsync(client, 6);

            await _replicas.Replicas[1].DisposeAsync();
            _replicas.Replicas.RemoveAt(1);

            // nginx finds the dead replica refusing connections and sends its share to the others.
            await AssertForecastsAsync(client, 6);
        }

        await ConformanceSuite.AssertPassesAsync(McpUrl, "server-initialize");
    }

    private async Task<McpClient> ConnectAsync(CancellationToken token)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(McpUrl), TransportMode = HttpTransportMode.StreamableHttp }, NullLoggerFactory.Instance);
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" }, NullLoggerFactory.Instance, token);
    }

    private static async Task AssertForecastsAsync(McpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await AssertForecastAsync(client, TestTimeouts.DefaultToken());
        }
    }

    private static async Task AssertForecastAsync(McpClient client, CancellationToken token)
    {
        var forecast = await client.CallToolAsync("get_forecast",
            new Dictionary<string, object?> { ["latitude"] = FakeNwsServer.AustinLatitude, ["longitude"] = FakeNwsServer.AustinLongitude },
            cancellationToken: token);
        Assert.StartsWith("Forecast for Austin, TX:", Assert.IsType<TextContentBlock>(Assert.Single(forecast.Content)).Text, StringComparison.Ordinal);
    }
}
