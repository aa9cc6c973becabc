using DiskServer.Formatting;

namespace DiskServer.Scanning;

/// <summary>One directory and the bytes of every file below it (apparent sizes, links not counted).</summary>
internal sealed record DirectoryUsage(string Path, int Depth, long Bytes)
{
    public string Size => ByteSize.Humanize(Bytes);
}
