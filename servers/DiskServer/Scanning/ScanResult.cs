namespace DiskServer.Scanning;

/// <summary>
/// What a scan found, and what it left out and why. <see cref="Partial"/> is true when sizes are lower bounds: the
/// time budget ran out (<see cref="TimedOut"/>), or <see cref="TooDeepCount"/> directories below
/// <see cref="TooDeepBelow"/> were nested past the system's path length limit and could not be read.
/// </summary>
internal sealed record ScanResult(
    string Root,
    long TotalBytes,
    long FileCount,
    long DirectoryCount,
    IReadOnlyList<DirectoryUsage> Directories,
    bool Partial,
    TimeSpan Elapsed,
    int UnreadableCount,
    IReadOnlyList<string> UnreadableExamples,
    int LinksSkipped,
    IReadOnlyList<string> OtherFileSystemsSkipped,
    int TooDeepCount = 0,
    string? TooDeepBelow = null)
{
    /// <summary>True when the time budget ran out: the scan stopped early.</summary>
    public bool TimedOut { get; init; }
}
