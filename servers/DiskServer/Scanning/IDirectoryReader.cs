namespace DiskServer.Scanning;

/// <summary>Lists one directory. The scanner's only view of the file system, so tests can stand in for it.</summary>
internal interface IDirectoryReader
{
    /// <summary>The items directly inside <paramref name="directory"/>.</summary>
    /// <exception cref="UnauthorizedAccessException">The directory cannot be read.</exception>
    /// <exception cref="IOException">The directory vanished or another I/O error occurred.</exception>
    IReadOnlyList<ScanEntry> Read(string directory);
}
