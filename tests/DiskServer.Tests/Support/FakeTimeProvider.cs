namespace DiskServer.Tests.Support;

/// <summary>A clock that moves only when told to.</summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
