using System.Globalization;
using McpHttpHosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeatherServer.Nws;

namespace WeatherServer.Hosting;

/// <summary>
/// MCP over HTTP, served by the SDK's <c>MapMcp</c> behind McpHttpHosting's guard: Streamable HTTP at /mcp, legacy SSE
/// at /sse (stateful mode only), liveness at /healthz and readiness at /readyz.
/// </summary>
public static class HttpHost
{
    public static async Task RunAsync(NwsOptions nwsOptions, ServerArguments arguments, TextWriter banner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(banner);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(arguments.Urls);
        ServerLogging.Configure(builder.Logging);
        var httpOptions = ReadHttpOptions(Environment.GetEnvironmentVariable);
        httpOptions.Stateless = arguments.Stateless;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = httpOptions.MaxRequestBodyBytes);
        builder.Services.AddWeatherMcpServer(nwsOptions).WithGuardedHttpTransport(options => Copy(httpOptions, options));

        await using var app = builder.Build();
        app.UseGuardedMcp("/mcp");
        await app.StartAsync(cancellationToken);

        // One line on stderr with the real addresses (port 0 binds a free port), for people and for tests.
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var mode = arguments.Stateless ? "stateless, no legacy SSE" : "legacy SSE: {0}/sse";
        foreach (var address in addresses)
        {
            await banner.WriteLineAsync($"weather MCP server listening on {address}/mcp ({string.Format(CultureInfo.InvariantCulture, mode, address)})");
        }

        await banner.FlushAsync(cancellationToken);
        await ((IHost)app).WaitForShutdownAsync(cancellationToken);
    }

    public static McpHttpOptions ReadHttpOptions(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var options = new McpHttpOptions { AuthToken = NullIfEmpty(getVariable("MCP_AUTH_TOKEN")) };
        foreach (var host in Split(getVariable("MCP_ALLOWED_HOSTS")))
        {
            options.AllowedHosts.Add(host);
        }

        foreach (var origin in Split(getVariable("MCP_ALLOWED_ORIGINS")))
        {
            options.AllowedOrigins.Add(origin);
        }

        if (NullIfEmpty(getVariable("MCP_MAX_SESSIONS")) is { } max)
        {
            options.MaxSessions = int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"MCP_MAX_SESSIONS '{max}' is not a positive whole number.");
        }

        if (NullIfEmpty(getVariable("MCP_SESSION_IDLE_TIMEOUT_SECONDS")) is { } idle)
        {
            options.IdleTimeout = double.TryParse(idle, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : throw new ArgumentException($"MCP_SESSION_IDLE_TIMEOUT_SECONDS '{idle}' is not a positive number of seconds.");
        }

        return options;
    }

    private static void Copy(McpHttpOptions from, McpHttpOptions to)
    {
        to.Stateless = from.Stateless;
        to.AuthToken = from.AuthToken;
        to.MaxSessions = from.MaxSessions;
        to.IdleTimeout = from.IdleTimeout;
        to.MaxRequestBodyBytes = from.MaxRequestBodyBytes;
        foreach (var host in from.AllowedHosts)
        {
            to.AllowedHosts.Add(host);
        }

        foreach (var origin in from.AllowedOrigins)
        {
            to.AllowedOrigins.Add(origin);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string[] Split(string? value) =>
        value?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
