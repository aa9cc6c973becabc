namespace SkMcpAgent.Core.Tests.Conversations;

/// <summary>A clock the test moves by hand, so "newest" and "older than" do not depend on how fast the test runs.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
