using SkMcpAgent.Testing.Nws;

namespace WeatherServer.Tests.Processes;

/// <summary>One fake NWS and one weather server over HTTP, shared by the tests of the HTTP collection.</summary>
public sealed class WeatherHttpFixture : IAsyncLifetime
{
    public FakeNwsServer Nws { get; private set; } = null!;

    public WeatherHttpServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Nws = await FakeNwsServer.StartAsync();
        Server = await WeatherHttpServerProcess.StartAsync(Nws.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Nws is not null)
        {
            await Nws.DisposeAsync();
        }
    }
}
