using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using WeatherServer.Nws;
using WeatherServer.Tools;

namespace WeatherServer.Hosting;

/// <summary>The weather MCP server's services, shared by the stdio and HTTP hosts and by in-memory tests.</summary>
public static class WeatherServerRegistration
{
    public const string ServerName = "weather";

    public static IMcpServerBuilder AddWeatherMcpServer(this IServiceCollection services, NwsOptions nwsOptions, HttpMessageHandler? nwsHandler = null)
    {
        ArgumentNullException.ThrowIfNull(nwsOptions);

        services.AddSingleton(nwsOptions);
        services.AddSingleton(provider =>
        {
            // One long-lived client: connections to NWS are reused, DNS changes picked up every few minutes.
            var handler = nwsHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            var http = new HttpClient(handler, disposeHandler: nwsHandler is null) { Timeout = Timeout.InfiniteTimeSpan };
            return ActivatorUtilities.CreateInstance<NwsClient>(provider, http);
        });

        return services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = ServerName, Title = "US weather (National Weather Service)", Version = "0.1.0" };
                options.ServerInstructions =
                    "US weather from the National Weather Service: get_alerts(state) for active alerts in a US state or territory, "
                    + "get_forecast(latitude, longitude) for a forecast at a US location.";
            })
            .WithTools<WeatherTools>(WeatherJson.Options)
            .WithResources<WeatherResources>()
            .WithPrompts<WeatherPrompts>(WeatherJson.Options);
    }
}
