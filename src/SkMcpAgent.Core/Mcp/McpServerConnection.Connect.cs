using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    // Asked for first: it is what current servers speak. Older servers answer with their own version, and the
    // connection is retried with it (pinning a version disables the SDK's server/discover probe, which
    // 2025-era servers do not understand).
    internal const string PreferredProtocolVersion = "2025-11-25";

    private static readonly string[] s_olderProtocolVersions = ["2025-06-18", "2025-03-26", "2024-11-05"];

    // How long a failed start waits for the child's last words on stderr (they explain the failure).
    private static readonly TimeSpan s_stderrGrace = TimeSpan.FromMilliseconds(500);

    private string _protocolVersion = PreferredProtocolVersion;

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

            // Current before the first listing, under the refresh gate: a tools/list_changed that arrives meanwhile
            // then lists again after this one instead of being dropped or overwritten.
            _client = client;
            await _refreshGate.WaitAsync(startup.Token);
            try
            {
                _ = _listChanged.ListingBegins();
                SetFunctions(await ListFunctionsAsync(client, startup.Token));
            }
            finally
            {
                _refreshGate.Release();
            }

            _ = WatchForExitAsync(client);
        }
        catch (Exception ex)
        {
            if (client is not null)
            {
                _client = null;
                await DisposeQuietlyAsync(client);
            }

            // Whatever the SDK threw when the start-up deadline cut it short, the user needs to hear "timed out".
            if (startup.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"it did not start within {timeout.TotalSeconds:0.#} s."), ex);
            }

            if (Config.Transport == McpTransportKind.Stdio)
            {
                await _stderr.WaitForAnyLineAsync(s_stderrGrace);
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
        McpTransports.Create(Config, timeout, OnStderrLine, _loggerFactory, _processTag);

    private void OnStderrLine(string line)
    {
        // Only the cut line goes on: the SDK hands over whole lines, however long (it has buffered them already).
        var kept = _stderr.Add(line);
        McpLog.StderrLine(_logger, Name, kept);
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
}
