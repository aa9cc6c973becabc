using DiskServer.Scanning;

namespace DiskServer.Tests.Support;

/// <summary>
/// Reads the real file system, except that chosen directories throw as unreadable ones do, and each read can
/// run a callback (to move a fake clock or cancel). Tests run as root here, where chmod 000 does not stop
/// reading, so unreadable folders are simulated.
/// </summary>
public sealed class FakeDirectoryReader : IDirectoryReader
{
    public HashSet<string> Unreadable { get; } = new(StringComparer.Ordinal);

    public Action<string>? OnRead { get; set; }

    public List<string> Read { get; } = [];

    IReadOnlyList<ScanEntry> IDirectoryReader.Read(string directory)
    {
        Read.Add(directory);
        OnRead?.Invoke(directory);
        return Unreadable.Contains(directory)
            ? throw new UnauthorizedAccessException($"Access to the path '{directory}' is denied.")
            : FileSystemDirectoryReader.Instance.Read(directory);
    }
}
