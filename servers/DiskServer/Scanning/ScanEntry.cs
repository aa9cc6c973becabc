namespace DiskServer.Scanning;

/// <summary>What a directory holds, one item: a file with its size, a sub-directory, a link, or something else.</summary>
internal readonly record struct ScanEntry(string FullPath, ScanEntryKind Kind, long Length);
