using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    /// <summary>The first start-up, run in the background by the hub.</summary>
    internal async Task StartAsync()
    {
        if (Config.Disabled)
        {
            SetState(ServerState.Disabled, "disabled in the server list");
            _settled.TrySetResult();
            return;
        }

        try
        {
            await _connectGate.WaitAsync(_lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            _settled.TrySetResult();
            return;
        }

        try
        {
            // A reconnect that took the gate first has already connected (or failed): connecting again would
            // replace its session and show the server as connecting for no reason.
            if (_settled.Task.IsCompleted)
            {
                return;
            }

            SetState(ServerState.Connecting, null);
            await ConnectAsync(_lifetime.Token);
            SetState(ServerState.Ready, null);
        }
        catch (Exception ex)
        {
            // Disposed while starting: nothing to report.
            if (!_lifetime.IsCancellationRequested)
            {
                SetState(ServerState.Failed, Describe(ex));
            }
        }
        finally
        {
            _connectGate.Release();
            _settled.TrySetResult();
        }
    }

    /// <summary>Drops the current session (if any) and connects again, whatever the state; the state says how it went.</summary>
    internal async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        await _connectGate.WaitAsync(linked.Token);
        try
        {
            SetState(ServerState.Restarting, "reconnect requested");
            await ConnectAsync(linked.Token);
            SetState(ServerState.Ready, "reconnected");
        }
        catch (Exception ex) when (!linked.IsCancellationRequested)
        {
            SetState(ServerState.Failed, Describe(ex));
            SetFunctions([]);
        }
        finally
        {
            _connectGate.Release();
            _settled.TrySetResult();
        }
    }

    /// <summary>
    /// The live client, restarting the server first when its process or session has ended, or when the caller saw
    /// <paramref name="broken"/> fail before the SDK noticed.
    /// </summary>
    internal async ValueTask<McpClient> GetClientAsync(CancellationToken cancellationToken, McpClient? broken = null)
    {
        var client = _client;
        if (client is not null && !client.Completion.IsCompleted && !ReferenceEquals(client, broken))
        {
            return client;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        await _connectGate.WaitAsync(linked.Token);
        try
        {
            client = _client;
            if (client is not null && !client.Completion.IsCompleted && !ReferenceEquals(client, broken))
            {
                return client;
            }

            if (State is ServerState.Disabled or ServerState.Connecting)
            {
                throw new InvalidOperationException($"MCP server '{Name}' is {State.ToString().ToLowerInvariant()}.");
            }

            return await RestartAsync(linked.Token);
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private async Task<McpClient> RestartAsync(CancellationToken cancellationToken)
    {
        SetState(ServerState.Restarting, _failureReason ?? "the server is not connected");
        Exception? last = null;
        for (var attempt = 1; attempt <= _options.MaxRestarts; attempt++)
        {
            if (attempt > 1)
            {
                // Back off 0.25 s, 0.5 s, 1 s... so a server that dies at start-up is not hammered.
                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 2)), cancellationToken);
            }

            try
            {
                await ConnectAsync(cancellationToken);
                SetState(ServerState.Ready, string.Create(CultureInfo.InvariantCulture, $"restarted (attempt {attempt})"));
                return _client!;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                last = ex;
                McpLog.RestartFailed(_logger, Name, attempt, ex);
            }
        }

        var reason = last is null ? "restarts are disabled (MaxRestarts is 0)" : Describe(last);
        SetState(ServerState.Failed, reason);
        SetFunctions([]);
        throw new InvalidOperationException($"MCP server '{Name}' is not available: {reason}");
    }
}
