using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Tests.Mcp;

public sealed class ListChangedCoalescerTests
{
    [Fact]
    public void ABurst_QueuesOneRelist_ThatLists()
    {
        var coalescer = new ListChangedCoalescer();

        var queued = new[] { coalescer.NotificationReceived(), coalescer.NotificationReceived(), coalescer.NotificationReceived() };

        Assert.Equal([true, false, false], queued);
        Assert.True(coalescer.BeginQueuedRelist());
    }

    [Fact]
    public void ABurstDuringAListing_QueuesOneMoreRelist()
    {
        var coalescer = new ListChangedCoalescer();
        Assert.True(coalescer.NotificationReceived());
        Assert.True(coalescer.BeginQueuedRelist());

        // The listing is in flight: its answer may predate these, so one more re-list is due, and only one.
        var queued = new[] { coalescer.NotificationReceived(), coalescer.NotificationReceived() };

        Assert.Equal([true, false], queued);
        Assert.True(coalescer.BeginQueuedRelist());
    }

    [Fact]
    public void AQueuedRelist_IsSkipped_WhenAListingBegunAfterTheNotificationAnsweredIt()
    {
        var coalescer = new ListChangedCoalescer();
        Assert.True(coalescer.NotificationReceived());

        // The first listing (at connect) took the gate first and began after the notification.
        Assert.True(coalescer.ListingBegins());

        Assert.False(coalescer.BeginQueuedRelist());
    }

    [Fact]
    public void ListingBegins_IsFalse_WithoutANotification()
    {
        var coalescer = new ListChangedCoalescer();

        Assert.False(coalescer.ListingBegins());
    }

    [Fact]
    public void ANotificationAfterTheQueuedRelistBegan_QueuesTheNext()
    {
        var coalescer = new ListChangedCoalescer();
        Assert.True(coalescer.NotificationReceived());
        Assert.True(coalescer.BeginQueuedRelist());

        Assert.True(coalescer.NotificationReceived());
        Assert.True(coalescer.BeginQueuedRelist());
        Assert.False(coalescer.BeginQueuedRelist());
    }
}
