using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpHttpHosting;

/// <summary>The request pipeline: health probes, the guard, the SDK's <c>MapMcp</c>.</summary>
public static class GuardedMcpApplicationExtensions
{
    /// <summary>
    /// Streamable HTTP at <paramref name="pattern"/>; in stateful mode also legacy SSE at <c>/sse</c> (the SDK serves it at
    /// <c>{pattern}/sse</c>; the short path is kept for clients configured before) with messages at <c>{pattern}/message</c>.
    /// Requires <see cref="McpHttpServerBuilderExtensions.WithGuardedHttpTransport"/>.
    /// </summary>
    public static WebApplication UseGuardedMcp(this WebApplication app, string pattern = "/mcp")
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<McpHttpOptions>>().Value;
        var ssePath = pattern + "/sse";

        app.Use((context, next) =>
        {
            if (context.Request.Path == "/sse")
            {
                context.Request.Path = ssePath;
            }

            return next(context);
        });

        // Routing after the rewrite, so /sse finds the SDK's endpoint.
        app.UseRouting();
        var bodyCheck = new JsonRpcBodyCheck(pattern);
        app.UseWhen(context => !HealthEndpoints.IsHealthPath(context.Request.Path), guarded =>
        {
            guarded.UseMiddleware<McpRequestGuard>();
            if (!options.Stateless)
            {
                guarded.UseMiddleware<SessionCap>();
                guarded.Use(SseRetryField.InvokeAsync);
            }

            guarded.Use((context, next) => bodyCheck.InvokeAsync(context, next));
        });

        app.MapHealthEndpoints();
        app.MapMcp(pattern);
        return app;
    }
}
