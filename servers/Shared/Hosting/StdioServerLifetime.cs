using System.Runtime.InteropServices;
using ModelContextProtocol.Server;

namespace Shared.Hosting;

/// <summary>Runs a stdio MCP server until stdin closes, Ctrl+C or SIGTERM; the last two end it cleanly, exit code 0.</summary>
internal static class StdioServerLifetime
{
    public static async Task RunAsync(McpServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancelKey = (_, e) =>
        {
            e.Cancel = true;
            stopping.Cancel();
        };
        Console.CancelKeyPress += onCancelKey;
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });

        try
        {
            await server.RunAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            Console.CancelKeyPress -= onCancelKey;
        }
    }
}
