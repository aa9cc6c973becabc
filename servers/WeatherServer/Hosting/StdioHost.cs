using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeatherServer.Nws;

namespace WeatherServer.Hosting;

/// <summary>MCP over stdin/stdout. Deliberately no ASP.NET Core here: stdio start-up time is benchmarked.</summary>
public static class StdioHost
{
    public static async Task RunAsync(NwsOptions nwsOptions, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(settings: null);
        ServerLogging.Configure(builder.Logging);
        builder.Services.AddWeatherMcpServer(nwsOptions).WithStdioServerTransport();

        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
    }
}
