using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpHttpHosting;

/// <summary>The open sessions of both HTTP transports: lookup by id, a cap on their number, idle expiry.</summary>
internal sealed partial class McpSessionStore(IOptions<McpHttpOptions> options, ILogger<McpSessionStore> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, IMcpHttpSession> _sessions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _admission = new(1, 1);

    public McpHttpOptions Options => options.Value;

    public TimeProvider TimeProvider => options.Value.TimeProvider;

    public int Count => _sessions.Count;

    public bool TryGet(string id, out IMcpHttpSession session) => _sessions.TryGetValue(id, out session!);

    public bool TryRemove(string id, out IMcpHttpSession session) => _sessions.TryRemove(id, out session!);

    /// <summary>Adds a session, closing the longest-idle one when the cap is reached; false when every session is busy.</summary>
    public async Task<bool> TryAddAsync(IMcpHttpSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);

        // Admission is serialised so two new sessions cannot both squeeze past the cap.
        await _admission.WaitAsync(cancellationToken);
        try
        {
            if (_sessions.Count >= Options.MaxSessions)
            {
                var oldestIdle = _sessions.Values
                    .Where(static s => !s.IsActive)
                    .OrderBy(static s => s.LastActivityTimestamp)
                    .FirstOrDefault();
                if (oldestIdle is null)
                {
                    LogSessionRefused(Options.MaxSessions);
                    return false;
                }

                LogSessionEvicted(oldestIdle.Id, Options.MaxSessions);
                await RemoveAndDisposeAsync(oldestIdle);
            }

            return _sessions.TryAdd(session.Id, session);
        }
        finally
        {
            _admission.Release();
        }
    }

    /// <summary>Closes every session idle for longer than <see cref="McpHttpOptions.IdleTimeout"/>.</summary>
    public async Task PruneIdleSessionsAsync()
    {
        var now = TimeProvider.GetTimestamp();
        foreach (var session in _sessions.Values)
        {
            if (!session.IsActive && TimeProvider.GetElapsedTime(session.LastActivityTimestamp, now) > Options.IdleTimeout)
            {
                LogSessionExpired(session.Id, Options.IdleTimeout);
                await RemoveAndDisposeAsync(session);
            }
        }
    }

    public async Task DisposeAllAsync()
    {
        foreach (var session in _sessions.Values)
        {
            await RemoveAndDisposeAsync(session);
        }
    }

    public void Dispose() => _admission.Dispose();

    private async Task RemoveAndDisposeAsync(IMcpHttpSession session)
    {
        if (!_sessions.TryRemove(new KeyValuePair<string, IMcpHttpSession>(session.Id, session)))
        {
            return;
        }

        try
        {
            await session.DisposeAsync();
        }
        catch (Exception ex)
        {
            LogSessionDisposeFailed(session.Id, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} was idle for more than {IdleTimeout}; closed.")]
    private partial void LogSessionExpired(string sessionId, TimeSpan idleTimeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session cap {MaxSessions} reached; closed idle session {SessionId}.")]
    private partial void LogSessionEvicted(string sessionId, int maxSessions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session cap {MaxSessions} reached and every session is busy; new session refused.")]
    private partial void LogSessionRefused(int maxSessions);

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing session {SessionId} failed.")]
    private partial void LogSessionDisposeFailed(string sessionId, Exception exception);
}
