using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpHttpHosting;

/// <summary>Closes idle sessions periodically, and every session when the application stops.</summary>
internal sealed class IdleSessionReaper(McpSessionStore store, IOptions<McpHttpOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.IdleCheckInterval, options.Value.TimeProvider);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await store.PruneIdleSessionsAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            await store.DisposeAllAsync();
        }
    }
}
