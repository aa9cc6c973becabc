namespace DiskServer.Scanning;

/// <summary>How far and how long a scan may go, and the directories it must not enter.</summary>
/// <param name="MaxDepth">Deepest level reported (1 = the root's children). Sizes still include everything below.</param>
/// <param name="TimeBudget">Wall-clock time after which the scan stops and reports what it has, marked partial.</param>
/// <param name="ExcludedDirectories">Directories not entered, e.g. mount points of other file systems.</param>
/// <param name="MaxPathBytes">
/// The longest path (UTF-8 bytes) the system opens by name. A tree can nest deeper than that (Linux allows any
/// depth, but PATH_MAX is 4096 bytes with the NUL): directories past it are counted as not read, not an error.
/// </param>
internal sealed record ScanLimits(int MaxDepth, TimeSpan TimeBudget, IReadOnlySet<string> ExcludedDirectories, int MaxPathBytes = ScanLimits.LinuxMaxPathBytes)
{
    /// <summary>Linux's PATH_MAX (4096) less the terminating NUL.</summary>
    public const int LinuxMaxPathBytes = 4095;

    /// <summary>This platform's limit: Linux's, macOS's PATH_MAX (1024), or Windows' long paths.</summary>
    public static int PlatformMaxPathBytes { get; } =
        OperatingSystem.IsMacOS() ? 1023 : OperatingSystem.IsWindows() ? 32_766 : LinuxMaxPathBytes;
}
