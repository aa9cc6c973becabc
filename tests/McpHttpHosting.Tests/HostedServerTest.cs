namespace McpHttpHosting.Tests;

/// <summary>A test class with its own <see cref="TestMcpHost"/> (options as given) and an HttpClient for raw requests.</summary>
public abstract class HostedServerTest(Action<McpHttpOptions>? configure = null) : IAsyncLifetime, IDisposable
{
    protected HttpClient Http { get; } = new();

    protected TestMcpHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestMcpHost.StartAsync(configure);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public void Dispose()
    {
        Http.Dispose();
        GC.SuppressFinalize(this);
    }
}
