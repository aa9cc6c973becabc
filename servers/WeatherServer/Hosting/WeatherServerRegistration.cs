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
        // The primitives are made once: in stateless HTTP mode the SDK builds a server's options for every request,
        // and making the tools from their methods (reflection, schemas) each time cost more than the call itself.
        // Sharing the collections is safe: a server unsubscribes from their change events when it is disposed.
        services.AddSingleton(provider => new Primitives(WeatherMcpServer.CreateOptions(provider.GetRequiredService<NwsClient>())));
        services.AddSingleton<IConfigureOptions<McpServerOptions>>(provider =>
        {
            var made = provider.GetRequiredService<Primitives>().Options;
            return new ConfigureOptions<McpServerOptions>(options =>
            {
                options.ServerInfo = made.ServerInfo;
                options.ServerInstructions = made.ServerInstructions;
                options.ToolCollection = made.ToolCollection;
                options.ResourceCollection = made.ResourceCollection;
                options.PromptCollection = made.PromptCollection;
            });
        });
        return services.AddMcpServer();
    }

    /// <summary>The weather primitives, made once per application.</summary>
    private sealed record Primitives(McpServerOptions Options);
}
