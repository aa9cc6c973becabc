using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using WeatherServer.Nws;

namespace WeatherServer.Hosting;

/// <summary>The weather MCP server as DI services, for the HTTP host and the in-memory tests; same primitives as stdio.</summary>
public static class WeatherServerRegistration
{
    public static IMcpServerBuilder AddWeatherMcpServer(this IServiceCollection services, NwsOptions nwsOptions, HttpMessageHandler? nwsHandler = null)
    {
        ArgumentNullException.ThrowIfNull(nwsOptions);

        services.AddSingleton(nwsOptions);
        services.AddSingleton(provider => new NwsClient(NwsClient.CreateHttpClient(nwsHandler), nwsOptions, provider.GetRequiredService<ILogger<NwsClient>>()));
        services.AddSingleton<IConfigureOptions<McpServerOptions>>(provider =>
            new ConfigureOptions<McpServerOptions>(options => WeatherMcpServer.Configure(options, provider.GetRequiredService<NwsClient>())));
        return services.AddMcpServer();
    }
}
