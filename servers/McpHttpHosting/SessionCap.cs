using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpHttpHosting;

/// <summary>
/// A hard cap on open sessions (stateful Streamable HTTP and legacy SSE together). The SDK's own limit,
/// <c>MaxIdleSessionCount</c>, only closes idle sessions and never refuses a new one, so clients that keep a request in
/// flight on each session could open sessions without bound. A request that may start a session reserves a slot here
/// first; the session claims it when the SDK runs it (<see cref="RunSessionAsync"/>) and frees it when it ends.
/// </summary>
internal sealed partial class SessionCap(IOptions<McpHttpOptions> options, ILogger<SessionCap> logger) : IMiddleware
{
    private static readonly object s_reservationKey = new();

    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);
    private int _open;

    /// <summary>Sessions running plus slots reserved by requests still deciding.</summary>
    public int OpenSessions => Volatile.Read(ref _open);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (IsDeleteOfEndedSession(context.Request))
        {
            // The spec: once a session has ended, requests with its id get 404. The SDK answers 200 to such a DELETE.
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status404NotFound, "Session not found", JsonRpcErrors.SessionNotFound);
            return;
        }

        if (!MayStartSession(context.Request))
        {
            await next(context);
            return;
        }

        if (!TryReserve())
        {
            LogRefused(options.Value.MaxSessions);
            context.Response.Headers.RetryAfter = "5";
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                "Service Unavailable: too many open sessions; try again later.");
            return;
        }

        var reservation = new Reservation();
        context.Items[s_reservationKey] = reservation;
        try
        {
            await next(context);
        }
        finally
        {
            // Not claimed: the request did not start a session (refused, a notification, a 2026-07-28 request).
            if (!reservation.Claimed)
            {
                Release();
            }
        }
    }

    /// <summary>The SDK's <c>RunSessionHandler</c>: runs every session, holding the slot its request reserved until it ends.</summary>
    public async Task RunSessionAsync(HttpContext context, McpServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(server);

        // Per-request servers (no session id) hold no slot. The claim happens before the first await, so the request's
        // own finally (which runs after the SDK called this) already sees it.
        if (server.SessionId is null || context.Items[s_reservationKey] is not Reservation reservation)
        {
            await server.RunAsync(cancellationToken);
            return;
        }

        reservation.Claimed = true;
        _running[server.SessionId] = 0;
        try
        {
            await server.RunAsync(cancellationToken);
        }
        finally
        {
            _running.TryRemove(server.SessionId, out _);
            Release();
        }
    }

    /// <summary>
    /// A Streamable HTTP POST with no session id (an initialize, in a protocol revision that has sessions), or a legacy
    /// SSE stream; not a POST to the legacy /message endpoint, which only ever feeds a session its stream started.
    /// </summary>
    private static bool MayStartSession(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsGet(request.Method))
        {
            return path.EndsWith("/sse", StringComparison.Ordinal);
        }

        return HttpMethods.IsPost(request.Method)
            && !path.EndsWith("/message", StringComparison.Ordinal)
            && !request.Headers.ContainsKey("Mcp-Session-Id")
            && !McpProtocolHeader.IsSessionless(request);
    }

    private bool IsDeleteOfEndedSession(HttpRequest request) =>
        HttpMethods.IsDelete(request.Method)
        && request.Headers["Mcp-Session-Id"].ToString() is { Length: > 0 } sessionId
        && !McpProtocolHeader.IsSessionless(request)
        && !_running.ContainsKey(sessionId);

    private bool TryReserve()
    {
        var max = options.Value.MaxSessions;
        while (true)
        {
            var open = Volatile.Read(ref _open);
            if (open >= max)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _open, open + 1, open) == open)
            {
                return true;
            }
        }
    }

    private void Release() => Interlocked.Decrement(ref _open);

    private sealed class Reservation
    {
        public bool Claimed { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session cap {MaxSessions} reached; new session refused.")]
    private partial void LogRefused(int maxSessions);
}
