namespace DiskServer.Scanning;

/// <summary>What a scan found, and what it left out and why.</summary>
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
    IReadOnlyList<string> OtherFileSystemsSkipped);
