using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace McpHttpHosting;

/// <summary>Registers the services <see cref="McpEndpointRouteBuilderExtensions.MapMcp"/> needs.</summary>
public static class McpHttpServerBuilderExtensions
{
    /// <summary>Serves the MCP server over HTTP: call after <c>AddMcpServer()</c>, then <c>app.MapMcp()</c>.</summary>
    public static IMcpServerBuilder WithHttpTransport(this IMcpServerBuilder builder, Action<McpHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<McpSessionStore>();
        services.TryAddSingleton<McpRequestGuard>();
        services.TryAddSingleton<StreamableHttpHandler>();
        services.TryAddSingleton<SseHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, IdleSessionReaper>());
        return builder;
    }
}
