using ModelContextProtocol.Server;

namespace McpHttpHosting;

/// <summary>A stateful Streamable HTTP session: its transport, its server, and how busy it is.</summary>
internal sealed class StreamableHttpSession(StreamableHttpServerTransport transport, McpServer server, TimeProvider timeProvider)
    : IMcpHttpSession
{
    private readonly CancellationTokenSource _closed = new();
    private int _activeRequests;
    private int _getStreamStarted;
    private int _disposed;

    public string Id => transport.SessionId ?? throw new InvalidOperationException("A stateful transport has a session id.");

    public StreamableHttpServerTransport Transport => transport;

    public McpServer Server => server;

    /// <summary>Cancelled when the session ends (DELETE, expiry, shutdown).</summary>
    public CancellationToken Closed => _closed.Token;

    public Task RunTask { get; set; } = Task.CompletedTask;

    public bool IsActive => Volatile.Read(ref _activeRequests) > 0;

    public long LastActivityTimestamp { get; private set; } = timeProvider.GetTimestamp();

    /// <summary>Marks the session busy until the returned handle is disposed; null once the session has ended.</summary>
    public IDisposable? Acquire()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return null;
        }

        Interlocked.Increment(ref _activeRequests);
        LastActivityTimestamp = timeProvider.GetTimestamp();
        return new Reference(this);
    }

    /// <summary>Only one standalone GET stream per session, as the SDK does.</summary>
    public bool TryStartGetStream() => Interlocked.Exchange(ref _getStreamStarted, 1) == 0;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // Completing the transport first ends the server's message loop without an exception.
            await transport.DisposeAsync();
            await _closed.CancelAsync();
            await RunTask;
        }
        catch (OperationCanceledException)
        {
            // The run loop ends by cancellation when the session is closed.
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private sealed class Reference(StreamableHttpSession session) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                session.Touch();
                Interlocked.Decrement(ref session._activeRequests);
            }
        }
    }

    private void Touch() => LastActivityTimestamp = timeProvider.GetTimestamp();
}
