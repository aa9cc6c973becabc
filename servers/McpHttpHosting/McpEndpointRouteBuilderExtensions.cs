using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace McpHttpHosting;

/// <summary>Maps the MCP HTTP endpoints, in the shape of ModelContextProtocol.AspNetCore's <c>MapMcp</c>.</summary>
public static class McpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Streamable HTTP at <paramref name="pattern"/> (POST, GET, DELETE) and, unless
    /// <see cref="McpHttpOptions.EnableLegacySse"/> is off, the legacy transport at <c>/sse</c> + <c>/messages</c>.
    /// Requires <see cref="McpHttpServerBuilderExtensions.WithHttpTransport"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapMcp(this IEndpointRouteBuilder endpoints, string pattern = "/mcp")
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var services = endpoints.ServiceProvider;
        var streamable = services.GetService<StreamableHttpHandler>()
            ?? throw new InvalidOperationException("Call builder.Services.AddMcpServer().WithHttpTransport() before MapMcp().");
        var guard = services.GetRequiredService<McpRequestGuard>();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<McpHttpOptions>>().Value;

        var group = endpoints.MapGroup("");
        group.MapPost(pattern, guard.Protect(streamable.HandlePostAsync));
        group.MapGet(pattern, guard.Protect(streamable.HandleGetAsync));
        group.MapDelete(pattern, guard.Protect(streamable.HandleDeleteAsync));

        if (options.EnableLegacySse)
        {
            const string MessagesPath = "/messages";
            var sse = services.GetRequiredService<SseHandler>();
            group.MapGet("/sse", guard.Protect(context => sse.HandleStreamAsync(context, MessagesPath)));
            group.MapPost(MessagesPath, guard.Protect(sse.HandleMessageAsync));
        }

        return group;
    }
}
