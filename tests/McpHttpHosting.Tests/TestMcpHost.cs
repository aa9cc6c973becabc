using McpHttpHosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpHttpHosting.Tests;

/// <summary>A small MCP server served by the SDK's MapMcp behind this library's guard, on Kestrel at 127.0.0.1:0, with the <see cref="EchoTools"/>.</summary>
public sealed class TestMcpHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestMcpHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string McpUrl => BaseUrl + "/mcp";

    public IServiceProvider Services => _app.Services;

    public static async Task<TestMcpHost> StartAsync(Action<McpHttpOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddScoped<RequestScopedThing>();
        builder.Services.AddMcpServer().WithTools<EchoTools>().WithGuardedHttpTransport(configure);
        var app = builder.Build();
        app.UseGuardedMcp();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestMcpHost(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
