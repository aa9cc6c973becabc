namespace DiskServer.Volumes;

/// <summary>One line of the mount table: what is mounted where, and as which file system type.</summary>
internal sealed record MountEntry(string Device, string MountPoint, string FileSystemType);
