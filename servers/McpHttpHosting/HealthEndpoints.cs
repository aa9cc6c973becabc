using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpHttpHosting;

/// <summary>Probes for orchestrators and load balancers; outside the guard, since a kubelet calls by pod IP.</summary>
public static class HealthEndpoints
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    public static bool IsHealthPath(PathString path) => path == LivenessPath || path == ReadinessPath;

    /// <summary>
    /// Liveness: 200 while the process serves HTTP at all. Readiness: 200 once the application has started and until it
    /// starts stopping, then 503, so a load balancer sends no new requests to a replica that is shutting down.
    /// </summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var lifetime = endpoints.ServiceProvider.GetRequiredService<IHostApplicationLifetime>();
        // RequestDelegate handlers, not lambdas with a return value: the Delegate overloads build their handler by
        // reflection, which NativeAOT cannot keep (the servers build native).
        endpoints.MapGet(LivenessPath, static context => Results.Text("ok\n").ExecuteAsync(context));
        endpoints.MapGet(ReadinessPath, context =>
            (lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested
                ? Results.Text("ready\n")
                : Results.Text("not ready\n", statusCode: StatusCodes.Status503ServiceUnavailable)).ExecuteAsync(context));
    }
}
