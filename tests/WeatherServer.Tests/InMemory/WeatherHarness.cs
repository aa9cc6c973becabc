using System.IO.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Nws;
using WeatherServer.Hosting;
using WeatherServer.Nws;

namespace WeatherServer.Tests.InMemory;

/// <summary>The weather server and an MCP client joined by in-memory pipes, with the server talking to a fake NWS.</summary>
public sealed class WeatherHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly McpServer _server;
    private readonly Task _serverRun;
    private readonly CancellationTokenSource _stop;

    private WeatherHarness(FakeNwsServer nws, ServiceProvider services, McpServer server, Task serverRun, CancellationTokenSource stop, McpClient client)
    {
        Nws = nws;
        _services = services;
        _server = server;
        _serverRun = serverRun;
        _stop = stop;
        Client = client;
    }

    public FakeNwsServer Nws { get; }

    public McpClient Client { get; }

    /// <param name="serverLogs">Where the MCP server logs (what the SDK says about tool calls); nowhere by default.</param>
    public static async Task<WeatherHarness> StartAsync(Action<NwsOptions>? configure = null, ILoggerFactory? serverLogs = null)
    {
        var nws = await FakeNwsServer.StartAsync();
        var options = new NwsOptions { BaseUrl = new Uri(nws.BaseUrl), RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(options);

        var services = new ServiceCollection().AddLogging();
        services.AddWeatherMcpServer(options);
        var provider = services.BuildServiceProvider();

        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var transport = new StreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream(), "weather", NullLoggerFactory.Instance);
        var server = McpServer.Create(transport, provider.GetRequiredService<IOptions<McpServerOptions>>().Value, serverLogs ?? NullLoggerFactory.Instance, provider);
        var stop = new CancellationTokenSource();
        var serverRun = server.RunAsync(stop.Token);

        var client = await McpClient.CreateAsync(
            new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream(), NullLoggerFactory.Instance),
            new McpClientOptions { ProtocolVersion = "2025-11-25" },
            NullLoggerFactory.Instance,
            TestTimeouts.DefaultToken());
        return new WeatherHarness(nws, provider, server, serverRun, stop, client);
    }

    public Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?> arguments) =>
        Client.CallToolAsync(tool, arguments, cancellationToken: TestTimeouts.DefaultToken()).AsTask();

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _serverRun;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        await _server.DisposeAsync();
        await _services.DisposeAsync();
        await Nws.DisposeAsync();
        _stop.Dispose();
    }
}
