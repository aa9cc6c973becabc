using System.IO.Pipelines;
using DiskServer.Tools;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DiskServer.Tests.Support;

/// <summary>The disk server and an MCP client talking over in-memory pipes, both disposed together.</summary>
internal sealed class InMemoryDiskServer : IAsyncDisposable
{
    private readonly McpServer _server;
    private readonly Task _running;
    private readonly CancellationTokenSource _stop;

    private InMemoryDiskServer(McpServer server, Task running, CancellationTokenSource stop, McpClient client)
    {
        _server = server;
        _running = running;
        _stop = stop;
        Client = client;
    }

    public McpClient Client { get; }

    public static async Task<InMemoryDiskServer> StartAsync(DiskToolsOptions? options = null)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var serverOptions = DiskMcpServer.CreateOptions(options ?? new DiskToolsOptions());
        var transport = new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream(), DiskMcpServer.Name);
        var server = McpServer.Create(transport, serverOptions);
        var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        var client = await McpClient.CreateAsync(
            new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()),
            cancellationToken: TestTimeouts.DefaultToken());
        return new InMemoryDiskServer(server, running, stop, client);
    }

    public Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?>? arguments = null) =>
        Client.CallToolAsync(tool, arguments, cancellationToken: TestTimeouts.DefaultToken()).AsTask();

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TestTimeouts.Default);
        }
        catch (OperationCanceledException)
        {
        }

        await _server.DisposeAsync();
        _stop.Dispose();
    }
}
