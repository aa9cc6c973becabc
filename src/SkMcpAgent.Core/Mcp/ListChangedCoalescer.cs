namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// Turns a burst of <c>tools/list_changed</c> notifications into one re-list: at most one listing in flight and one
/// waiting. A notification marks the tools stale; a listing that begins after it answers it (whoever started that
/// listing). The SDK dispatches notifications concurrently, in no set order, so nothing here relies on their order.
/// </summary>
internal sealed class ListChangedCoalescer
{
    // 1 when a notification came that no listing begun since has answered.
    private int _stale;

    // 1 while a re-list is queued and has not begun.
    private int _queued;

    /// <summary>A notification came: true when the caller must queue a re-list (none is waiting yet).</summary>
    public bool NotificationReceived()
    {
        Volatile.Write(ref _stale, 1);
        return Interlocked.Exchange(ref _queued, 1) == 0;
    }

    /// <summary>
    /// The queued re-list begins (the caller holds the refresh gate): true when it must list, false when a listing
    /// begun since the notification has answered it already. Notifications from here on queue the next re-list.
    /// </summary>
    public bool BeginQueuedRelist()
    {
        Volatile.Write(ref _queued, 0);
        return ListingBegins();
    }

    /// <summary>A listing begins (the caller holds the refresh gate): it answers every notification so far.</summary>
    public bool ListingBegins() => Interlocked.Exchange(ref _stale, 0) == 1;
}
