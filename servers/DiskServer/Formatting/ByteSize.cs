using System.Globalization;

namespace DiskServer.Formatting;

/// <summary>Byte counts as people read them. Units are binary (1 GB = 1024^3 bytes), as <c>df -h</c> and <c>du -h</c> show them.</summary>
internal static class ByteSize
{
    private static readonly string[] s_units = ["B", "KB", "MB", "GB", "TB", "PB"];

    /// <summary>Gigabytes rounded to two decimals, the unit every disk-usage figure is reported in.</summary>
    public static double ToGigabytes(long bytes) => Math.Round(bytes / (1024.0 * 1024 * 1024), 2, MidpointRounding.AwayFromZero);

    /// <summary>Percentage rounded to one decimal.</summary>
    public static double Percent(long part, long whole) =>
        whole <= 0 ? 0 : Math.Round(part * 100.0 / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>The largest unit that keeps the number at least 1, e.g. <c>1.50 GB</c>, <c>512 B</c>.</summary>
    public static string Humanize(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < s_units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:F2} {s_units[unit]}");
    }
}
