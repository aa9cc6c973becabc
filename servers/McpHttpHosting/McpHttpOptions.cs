namespace McpHttpHosting;

/// <summary>How MCP is served over HTTP: session mode, lifetime and limits, and who may call.</summary>
public sealed class McpHttpOptions
{
    private TimeSpan _idleTimeout = TimeSpan.FromMinutes(30);
    private int _maxSessions = 1000;
    private long _maxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// No server-held session: any replica answers any request (scale-out behind a load balancer without affinity).
    /// Legacy SSE and server-to-client requests need a session, so they are off in this mode.
    /// </summary>
    public bool Stateless { get; set; }

    /// <summary>A stateful session with no request in flight for this long is closed; its id then gets 404.</summary>
    public TimeSpan IdleTimeout
    {
        get => _idleTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _idleTimeout = value;
        }
    }

    /// <summary>The most sessions (Streamable HTTP and SSE together) open at once; past it a new one gets 503.</summary>
    public int MaxSessions
    {
        get => _maxSessions;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxSessions = value;
        }
    }

    /// <summary>The largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBodyBytes
    {
        get => _maxRequestBodyBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxRequestBodyBytes = value;
        }
    }

    /// <summary>
    /// Host names (with or without port) accepted besides loopback ones (localhost, 127.0.0.1, [::1]).
    /// "*" accepts any host, which turns DNS-rebinding protection off.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Origins (e.g. https://app.example.com) accepted besides loopback ones; "*" accepts any.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>When set, every request must carry <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string? AuthToken { get; set; }

    /// <summary>Whether the legacy HTTP+SSE transport (GET /sse, POST /message) is served; never in stateless mode.</summary>
    public bool EnableLegacySse { get; set; } = true;
}
