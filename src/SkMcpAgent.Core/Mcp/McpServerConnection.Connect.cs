using System.Globalization;
using System.Net;
using System.Text.Json;
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

    // Newest first: the order in which a version the server offers is picked.
    private static readonly string[] s_knownProtocolVersions = [PreferredProtocolVersion, "2025-06-18", "2025-03-26", "2024-11-05"];

    private string _protocolVersion = PreferredProtocolVersion;

    // The stdio transport of the connection being made (the last one, after a protocol downgrade).
    private StdioStopWaits? _stdioTransport;

    // The start-up deadline of the connection being made, so that a sign-in in the browser can extend it.
    private volatile CancellationTokenSource? _startup;

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
        _stdioTransport = null;
        var timeout = Config.StartupTimeout ?? _options.DefaultStartupTimeout;
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(timeout);
        _startup = startup;

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

            // The child's last words on stderr explain the failure: they are all in once the transport has closed.
            if (_stdioTransport is { } stdio && !cancellationToken.IsCancellationRequested)
            {
                await stdio.WaitUntilClosedAsync();
            }

            throw;
        }
        finally
        {
            _startup = null;
        }
    }

    private async Task<McpClient> CreateClientAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Streamable HTTP first; legacy SSE only when the endpoint answers as an SSE-era server would (400, 404 or
        // 405). Any other refusal (401 after authorization failed, 403, 500) is the answer, reported once.
        var mode = Config.Transport == McpTransportKind.Sse ? HttpTransportMode.Sse : HttpTransportMode.StreamableHttp;
        try
        {
            return await CreateClientAsync(timeout, mode, cancellationToken);
        }
        catch (HttpRequestException ex) when (Config.Transport == McpTransportKind.Http && IsLegacySseHint(ex.StatusCode))
        {
            McpLog.FallingBackToSse(_logger, Name, (int)ex.StatusCode!.Value);
            return await CreateClientAsync(timeout, HttpTransportMode.Sse, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new McpException(DescribeRefusal(ex.StatusCode.Value), ex);
        }
    }

    /// <summary>A 401 or 403 in words that say what to change.</summary>
    private string DescribeRefusal(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized when Config.OAuth is { Enabled: false } =>
            "401 Unauthorized: the server needs authorization, and \"oauth\" is false for it in mcp.json.",
        HttpStatusCode.Unauthorized when !UsesOAuth =>
            "401 Unauthorized: the server refused the Authorization header from mcp.json (remove the header to sign in with OAuth instead).",
        HttpStatusCode.Unauthorized => "401 Unauthorized: authorization did not succeed (/login retries it).",
        _ => "403 Forbidden: the server refused access (the account or token lacks permission for it).",
    };

    private async Task<McpClient> CreateClientAsync(TimeSpan timeout, HttpTransportMode mode, CancellationToken cancellationToken)
    {
        try
        {
            return await McpClient.CreateAsync(CreateTransport(timeout, mode), CreateClientOptions(_protocolVersion), _loggerFactory, cancellationToken);
        }
        catch (McpException ex) when (OfferedVersion(ex) is { } offered && offered != _protocolVersion)
        {
            McpLog.ProtocolDowngrade(_logger, Name, _protocolVersion, offered);
            _protocolVersion = offered;
            return await McpClient.CreateAsync(CreateTransport(timeout, mode), CreateClientOptions(_protocolVersion), _loggerFactory, cancellationToken);
        }
    }

    private static bool IsLegacySseHint(HttpStatusCode? status) =>
        status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed;

    private IClientTransport CreateTransport(TimeSpan timeout, HttpTransportMode mode)
    {
        var transport = McpTransports.Create(Config, timeout, OnStderrLine, _loggerFactory, _processTag, mode, CreateOAuthOptions(), _options.StderrDrainLimit);
        _stdioTransport = transport as StdioStopWaits;
        return transport;
    }

    private void OnStderrLine(string line)
    {
        // Only the cut line goes on: the SDK hands over whole lines, however long (it has buffered them already).
        var kept = _stderr.Add(line);
        McpLog.StderrLine(_logger, Name, kept);
    }

    /// <summary>
    /// A version we speak that the server offered instead of ours: the newest of <c>data.supported</c> in an
    /// invalid-params (-32602) error, or the Y of the SDK's "Server protocol version mismatch. Expected X, got Y".
    /// </summary>
    private static string? OfferedVersion(McpException exception)
    {
        if (exception is McpProtocolException { ErrorCode: McpErrorCode.InvalidParams } && exception.Data["supported"] is JsonElement { ValueKind: JsonValueKind.Array } supported)
        {
            var offered = supported.EnumerateArray().Where(static v => v.ValueKind == JsonValueKind.String).Select(static v => v.GetString()).ToHashSet(StringComparer.Ordinal);
            return Array.Find(s_knownProtocolVersions, offered.Contains);
        }

        const string marker = "got ";
        var index = exception.Message.LastIndexOf(marker, StringComparison.Ordinal);
        if (!exception.Message.Contains("protocol version mismatch", StringComparison.OrdinalIgnoreCase) || index < 0)
        {
            return null;
        }

        var named = exception.Message[(index + marker.Length)..].Trim().TrimEnd('.');
        return Array.Find(s_knownProtocolVersions, v => v == named);
    }
}
