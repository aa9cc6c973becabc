using ModelContextProtocol.Client;

namespace DiskServer.Tests.Support;

/// <summary>One real disk server process (the executable the shipped mcp.json starts) driven over stdio by the MCP C# client, shared by a test class.</summary>
public sealed class StdioDiskServerFixture : IAsyncLifetime
{
    private McpClient? _client;

    public McpClient Client => _client ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "disk",
            Command = RepoPaths.ServerExecutable("DiskServer"),
        });

        // Disposing the client ends the process (and its tree) even when a test failed.
        _client = await McpClient.CreateAsync(transport, cancellationToken: TestTimeouts.DefaultToken());
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }
}
