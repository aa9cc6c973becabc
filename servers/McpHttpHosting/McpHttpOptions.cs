namespace McpHttpHosting;

/// <summary>How MCP is served over HTTP: session lifetime and limits, and who may call.</summary>
public sealed class McpHttpOptions
{
    private TimeSpan _idleTimeout = TimeSpan.FromMinutes(30);
    private TimeSpan _idleCheckInterval = TimeSpan.FromSeconds(5);
    private int _maxSessions = 1000;
    private long _maxRequestBodyBytes = 1024 * 1024;

    /// <summary>A session with no request in flight for this long is closed; its id then gets 404.</summary>
    public TimeSpan IdleTimeout
    {
        get => _idleTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _idleTimeout = value;
        }
    }

    /// <summary>How often idle sessions are looked for.</summary>
    public TimeSpan IdleCheckInterval
    {
        get => _idleCheckInterval;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _idleCheckInterval = value;
        }
    }

    /// <summary>The most sessions (Streamable HTTP and SSE together) open at once; past it the oldest idle one is closed, or the new one refused.</summary>
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

    /// <summary>Whether the legacy HTTP+SSE transport (GET /sse, POST /messages) is served.</summary>
    public bool EnableLegacySse { get; set; } = true;

    /// <summary>The clock, replaceable in tests of idle expiry.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
