using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace DiskServer.SystemInfo;

/// <summary>Collects <see cref="OsInfo"/> from the runtime and, on Linux, /etc/os-release and /proc/uptime.</summary>
internal static class OsInfoReader
{
    public static OsInfo Read()
    {
        var description = RuntimeInformation.OSDescription.Trim();
        var uptime = ReadUptime();
        return new OsInfo(
            ReadPrettyName() ?? description,
            description,
            Environment.OSVersion.VersionString,
            RuntimeInformation.OSArchitecture.ToString(),
            RuntimeInformation.ProcessArchitecture.ToString(),
            Environment.MachineName,
            RuntimeInformation.FrameworkDescription,
            Environment.ProcessorCount,
            Math.Round(uptime.TotalSeconds),
            FormatUptime(uptime));
    }

    /// <summary>The PRETTY_NAME of os-release text (shell-style assignments, values optionally quoted), else NAME VERSION.</summary>
    public static string? ParsePrettyName(string osRelease)
    {
        ArgumentNullException.ThrowIfNull(osRelease);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in osRelease.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && !line.StartsWith('#'))
            {
                values[line[..equals]] = Unquote(line[(equals + 1)..]);
            }
        }

        if (values.TryGetValue("PRETTY_NAME", out var pretty) && pretty.Length > 0)
        {
            return pretty;
        }

        return values.TryGetValue("NAME", out var name)
            ? values.TryGetValue("VERSION", out var version) ? $"{name} {version}" : name
            : null;
    }

    /// <summary>Uptime as people say it: <c>3 days, 4 h 5 min</c>.</summary>
    public static string FormatUptime(TimeSpan uptime)
    {
        var text = new StringBuilder();
        if (uptime.Days > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{uptime.Days} day{(uptime.Days == 1 ? string.Empty : "s")}, ");
        }

        text.Append(CultureInfo.InvariantCulture, $"{uptime.Hours} h {uptime.Minutes} min");
        return text.ToString();
    }

    private static string? ReadPrettyName()
    {
        foreach (var path in (ReadOnlySpan<string>)["/etc/os-release", "/usr/lib/os-release"])
        {
            if (File.Exists(path))
            {
                return ParsePrettyName(File.ReadAllText(path));
            }
        }

        return null;
    }

    // /proc/uptime counts time suspended too; the tick count is the fallback where it does not exist.
    private static TimeSpan ReadUptime()
    {
        try
        {
            if (File.Exists("/proc/uptime"))
            {
                var first = File.ReadAllText("/proc/uptime").Split(' ')[0];
                if (double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }
        }
        catch (IOException)
        {
        }

        return TimeSpan.FromMilliseconds(Environment.TickCount64);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0]
            ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal)
            : value;
}
