using ModelContextProtocol.Server;

namespace McpHttpHosting;

/// <summary>A legacy HTTP+SSE session: alive exactly as long as its GET /sse stream.</summary>
internal sealed class SseSession(string id, SseResponseStreamTransport transport, TimeProvider timeProvider) : IMcpHttpSession
{
    private readonly CancellationTokenSource _closed = new();

    public string Id => id;

    public SseResponseStreamTransport Transport => transport;

    public CancellationToken Closed => _closed.Token;

    // The open stream is in use for as long as it lasts; it never idles out, it ends when the client leaves.
    public bool IsActive => true;

    public long LastActivityTimestamp { get; } = timeProvider.GetTimestamp();

    public async ValueTask DisposeAsync() => await _closed.CancelAsync();
}
