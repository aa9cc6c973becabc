using System.IO.Enumeration;

namespace DiskServer.Scanning;

/// <summary>Lists directories of the real file system without allocating a FileInfo per item.</summary>
internal sealed class FileSystemDirectoryReader : IDirectoryReader
{
    public static FileSystemDirectoryReader Instance { get; } = new();

    // Nothing skipped by attribute (hidden and system files take space too), and errors surface instead of hiding.
    private static readonly EnumerationOptions s_options = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    public IReadOnlyList<ScanEntry> Read(string directory)
    {
        var enumerable = new FileSystemEnumerable<ScanEntry>(directory, static (ref FileSystemEntry entry) =>
        {
            // Links report the target's IsDirectory, so look at the link attribute first.
            var kind = (entry.Attributes & FileAttributes.ReparsePoint) != 0 ? ScanEntryKind.Link
                : entry.IsDirectory ? ScanEntryKind.Directory
                : (entry.Attributes & FileAttributes.Device) != 0 ? ScanEntryKind.Other
                : ScanEntryKind.File;
            return new ScanEntry(entry.ToFullPath(), kind, kind == ScanEntryKind.File ? entry.Length : 0);
        }, s_options);

        return [.. enumerable];
    }
}
