using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace McpHttpHosting.Tests;

public sealed class McpSessionStoreTests
{
    private sealed class FakeSession(string id, bool active, long lastActivity) : IMcpHttpSession
    {
        public string Id => id;

        public bool IsActive => active;

        public long LastActivityTimestamp => lastActivity;

        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    private static McpSessionStore Store(int maxSessions, TimeProvider? clock = null)
    {
        var options = new McpHttpOptions { MaxSessions = maxSessions, IdleTimeout = TimeSpan.FromMinutes(1) };
        if (clock is not null)
        {
            options.TimeProvider = clock;
        }

        return new McpSessionStore(Options.Create(options), NullLogger<McpSessionStore>.Instance);
    }

    [Fact]
    public async Task TryAdd_Refuses_WhenFullAndEverySessionIsBusy()
    {
        using var store = Store(maxSessions: 1);
        await store.TryAddAsync(new FakeSession("a", active: true, 0), CancellationToken.None);

        var added = await store.TryAddAsync(new FakeSession("b", active: false, 0), CancellationToken.None);

        Assert.False(added);
        Assert.True(store.TryGet("a", out _));
    }

    [Fact]
    public async Task PruneIdle_KeepsBusySessions_HoweverOld()
    {
        var clock = new ManualTimeProvider();
        using var store = Store(maxSessions: 10, clock);
        var busy = new FakeSession("busy", active: true, clock.GetTimestamp());
        var idle = new FakeSession("idle", active: false, clock.GetTimestamp());
        await store.TryAddAsync(busy, CancellationToken.None);
        await store.TryAddAsync(idle, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));

        await store.PruneIdleSessionsAsync();

        Assert.True(store.TryGet("busy", out _));
        Assert.False(store.TryGet("idle", out _));
        Assert.True(idle.Disposed);
        Assert.False(busy.Disposed);
    }

    [Fact]
    public async Task DisposeAll_ClosesEverySession()
    {
        using var store = Store(maxSessions: 10);
        var session = new FakeSession("s", active: true, 0);
        await store.TryAddAsync(session, CancellationToken.None);

        await store.DisposeAllAsync();

        Assert.True(session.Disposed);
        Assert.Equal(0, store.Count);
    }
}
