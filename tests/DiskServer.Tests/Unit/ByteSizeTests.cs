using DiskServer.Formatting;

namespace DiskServer.Tests.Unit;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(1023L, "1023 B")]
    [InlineData(1024L, "1.00 KB")]
    [InlineData(1536L, "1.50 KB")]
    [InlineData(5L * 1024 * 1024, "5.00 MB")]
    [InlineData(3L * 1024 * 1024 * 1024 / 2, "1.50 GB")]
    [InlineData(2L * 1024 * 1024 * 1024 * 1024, "2.00 TB")]
    public void Humanize_PicksLargestUnitAboveOne_ForSize(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Humanize(bytes));
    }

    [Fact]
    public void Humanize_Throws_WhenNegative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteSize.Humanize(-1));
    }

    [Theory]
    [InlineData(0L, 0.0)]
    [InlineData(1073741824L, 1.0)]
    [InlineData(1073741824L + 5368710L, 1.01)] // just over 1.005 GB rounds up
    [InlineData(1073741824L + 5368700L, 1.0)] // just under rounds down
    [InlineData(270553174016L, 251.97)]
    public void ToGigabytes_RoundsToTwoDecimals(long bytes, double expected)
    {
        Assert.Equal(expected, ByteSize.ToGigabytes(bytes));
    }

    [Theory]
    [InlineData(1L, 3L, 33.3)]
    [InlineData(2L, 3L, 66.7)]
    [InlineData(5L, 0L, 0.0)]
    public void Percent_RoundsToOneDecimal_AndIsZeroForEmptyWhole(long part, long whole, double expected)
    {
        Assert.Equal(expected, ByteSize.Percent(part, whole));
    }
}
