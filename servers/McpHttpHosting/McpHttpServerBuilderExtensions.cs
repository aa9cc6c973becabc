using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;

namespace McpHttpHosting;

/// <summary>Registers the SDK's HTTP transport with this library's guard; then call <see cref="GuardedMcpApplicationExtensions.UseGuardedMcp"/>.</summary>
public static class McpHttpServerBuilderExtensions
{
    public static IMcpServerBuilder WithGuardedHttpTransport(this IMcpServerBuilder builder, Action<McpHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new McpHttpOptions();
        configure?.Invoke(options);

        var services = builder.Services;
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<McpRequestGuard>();
        services.AddSingleton<SessionCap>();
        services.AddOptions<HttpServerTransportOptions>().Configure<SessionCap>((http, cap) => ConfigureTransport(http, options, cap));

        builder.WithHttpTransport();
        if (!options.Stateless)
        {
            // Resumable streams: SSE responses then start with a priming event (an id and a retry interval), which the
            // 2025-11-25 transport asks for, and a client cut off mid-stream can reconnect with Last-Event-ID. Events
            // live in this process's memory, like the sessions they belong to.
            services.AddDistributedMemoryCache();
#pragma warning disable MCP9006 // Obsolete only because stateful HTTP is; stateful mode is this server's default for older clients.
            builder.WithDistributedCacheEventStreamStore();
#pragma warning restore MCP9006
        }

        return builder;
    }

    private static void ConfigureTransport(HttpServerTransportOptions http, McpHttpOptions options, SessionCap cap)
    {
        if (options.Stateless)
        {
            http.SessionMode = HttpServerSessionMode.Stateless;
            return;
        }

        // Clients of 2025-11-25 and earlier get a session; 2026-07-28 clients (which have none) are served per request.
        http.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
#pragma warning disable MCP9004, MCP9006 // Legacy SSE and stateful sessions are obsolete in the SDK, and this server keeps them on purpose: old clients (SSE only, or 2025 revisions) must keep working.
        http.EnableLegacySse = options.EnableLegacySse;
        http.IdleTimeout = options.IdleTimeout;
        http.MaxIdleSessionCount = options.MaxSessions;
#pragma warning restore MCP9004, MCP9006
#pragma warning disable MCPEXP002 // Experimental, but the only place that sees a session start and end, which the hard cap needs.
        http.RunSessionHandler = cap.RunSessionAsync;
#pragma warning restore MCPEXP002
    }
}
