using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Shared.Hosting;
using Shared.Logging;
using WeatherServer.Nws;

namespace WeatherServer.Hosting;

/// <summary>
/// MCP over stdin/stdout, without the generic host or ASP.NET Core: a client starts this server each time it connects,
/// and the host's configuration, DI and lifetime services cost start-up time this server does not need (README,
/// "Start-up time").
/// </summary>
public static class StdioHost
{
    public static async Task RunAsync(NwsOptions nwsOptions, CancellationToken cancellationToken)
    {
        using var loggerFactory = StderrLogging.CreateFactory(ServerLogging.ReadLevel());
        using var http = NwsClient.CreateHttpClient();
        var serverOptions = WeatherMcpServer.CreateOptions(new NwsClient(http, nwsOptions, loggerFactory.CreateLogger<NwsClient>()));

        await using var transport = new StdioServerTransport(serverOptions, loggerFactory);
        await using var server = McpServer.Create(transport, serverOptions, loggerFactory);
        await StdioServerLifetime.RunAsync(server, cancellationToken);
    }
}
