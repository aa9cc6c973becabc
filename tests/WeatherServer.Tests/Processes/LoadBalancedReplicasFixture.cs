using SkMcpAgent.Testing.Nws;
using SkMcpAgent.Testing.Processes;

namespace WeatherServer.Tests.Processes;

/// <summary>Three stateless weather servers (--stateless) behind nginx round robin, with one fake NWS.</summary>
public sealed class LoadBalancedReplicasFixture : IAsyncLifetime
{
    private FakeNwsServer _nws = null!;

    public List<WeatherHttpServerProcess> Replicas { get; } = [];

    public NginxLoadBalancer Nginx { get; private set; } = null!;

    public string McpUrl => Nginx.BaseUrl + "/mcp";

    public async Task InitializeAsync()
    {
        _nws = await FakeNwsServer.StartAsync();
        Replicas.AddRange(await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WeatherHttpServerProcess.StartAsync(_nws.BaseUrl, stateless: true))));
        Nginx = await NginxLoadBalancer.StartAsync(Replicas.Select(r => r.BaseUrl));
    }

    public async Task DisposeAsync()
    {
        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }

        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync();
        }

        if (_nws is not null)
        {
            await _nws.DisposeAsync();
        }
    }
}
