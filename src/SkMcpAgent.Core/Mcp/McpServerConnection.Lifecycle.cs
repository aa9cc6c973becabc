using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    // Asked for first: it is what current servers speak. Older servers answer with their own version, and the
    // connection is retried with it (pinning a version disables the SDK's server/discover probe, which
    // 2025-era servers do not understand).
    internal const string PreferredProtocolVersion = "2025-11-25";

    private static readonly string[] s_olderProtocolVersions = ["2025-06-18", "2025-03-26", "2024-11-05"];

    private string _protocolVersion = PreferredProtocolVersion;

    /// <summary>The first start-up, run in the background by the hub.</summary>
    internal async Task StartAsync()
    {
        if (Config.Disabled)
        {
            SetState(ServerState.Disabled, "disabled in the server list");
            _settled.TrySetResult();
            return;
        }

        await _connectGate.WaitAsync(_lifetime.Token);
        try
        {
            SetState(ServerState.Connecting, null);
            await ConnectAsync(_lifetime.Token);
            SetState(ServerState.Ready, null);
        }
        catch (Exception ex) when (!_lifetime.IsCancellationRequested)
        {
            SetState(ServerState.Failed, Describe(ex));
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

    /// <summary>Starts the server (or opens the session), lists its functions and makes it current. Caller holds the gate.</summary>
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var previous = _client;
        _client = null;
        if (previous is not null)
        {
            await DisposeQuietlyAsync(previous);
        }

        _stderr.Clear();
        var timeout = Config.StartupTimeout ?? _options.DefaultStartupTimeout;
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(timeout);

        McpClient? client = null;
        try
        {
            client = await CreateClientAsync(timeout, startup.Token);
            var functions = await ListFunctionsAsync(client, startup.Token);
            _client = client;
            SetFunctions(functions);
            _ = WatchForExitAsync(client);
        }
        catch (Exception ex)
        {
            if (client is not null)
            {
                await DisposeQuietlyAsync(client);
            }

            if (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"it did not start within {timeout.TotalSeconds:0.#} s."), ex);
            }

            throw;
        }
    }

    private async Task<McpClient> CreateClientAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await McpClient.CreateAsync(CreateTransport(timeout), CreateClientOptions(_protocolVersion), _loggerFactory, cancellationToken);
        }
        catch (McpException ex) when (OfferedOlderVersion(ex) is { } offered)
        {
            McpLog.ProtocolDowngrade(_logger, Name, _protocolVersion, offered);
            _protocolVersion = offered;
            return await McpClient.CreateAsync(CreateTransport(timeout), CreateClientOptions(_protocolVersion), _loggerFactory, cancellationToken);
        }
    }

    private IClientTransport CreateTransport(TimeSpan timeout) =>
        McpTransports.Create(Config, timeout, OnStderrLine, _loggerFactory);

    private void OnStderrLine(string line)
    {
        _stderr.Add(line);
        McpLog.StderrLine(_logger, Name, line);
    }

    /// <summary>The version named in the SDK's "Server protocol version mismatch. Expected X, got Y", when we can speak Y.</summary>
    private static string? OfferedOlderVersion(McpException exception)
    {
        const string marker = "got ";
        var index = exception.Message.LastIndexOf(marker, StringComparison.Ordinal);
        if (!exception.Message.Contains("protocol version mismatch", StringComparison.OrdinalIgnoreCase) || index < 0)
        {
            return null;
        }

        var offered = exception.Message[(index + marker.Length)..].Trim().TrimEnd('.');
        return Array.Find(s_olderProtocolVersions, v => v == offered);
    }

    private async Task WatchForExitAsync(McpClient client)
    {
        var details = await client.Completion;
        if (_lifetime.IsCancellationRequested || !ReferenceEquals(_client, client))
        {
            return;
        }

        var reason = DescribeExit(details);
        _failureReason = reason;
        McpLog.Disconnected(_logger, Name, reason);
    }

    private string DescribeExit(ClientCompletionDetails details)
    {
        var reason = details switch
        {
            StdioClientCompletionDetails { ExitCode: { } code } => string.Create(CultureInfo.InvariantCulture, $"the process exited with code {code}"),
            StdioClientCompletionDetails => "the process exited",
            HttpClientCompletionDetails { HttpStatusCode: System.Net.HttpStatusCode.NotFound } => "the session expired (HTTP 404)",
            _ => details.Exception?.Message ?? "the connection closed",
        };
        return WithStderr(reason);
    }

    private string Describe(Exception exception)
    {
        var message = exception switch
        {
            TimeoutException => exception.Message,
            ClientTransportClosedException closed => DescribeTransportClosed(closed),
            _ => exception.InnerException is { } inner && exception is not McpException
                ? $"{exception.Message} ({inner.Message})"
                : exception.Message,
        };
        return WithStderr(message);
    }

    private static string DescribeTransportClosed(ClientTransportClosedException closed) => closed.Details switch
    {
        StdioClientCompletionDetails { ExitCode: { } code } => string.Create(CultureInfo.InvariantCulture, $"the process exited with code {code} before the handshake finished"),
        var details => details.Exception?.Message ?? closed.Message,
    };

    private string WithStderr(string reason)
    {
        if (Config.Transport != McpTransportKind.Stdio)
        {
            return reason;
        }

        var stderr = _stderr.Text();
        return stderr.Length == 0 ? reason : $"{reason}{Environment.NewLine}Last stderr lines:{Environment.NewLine}{stderr}";
    }
}
