using DiskServer.Formatting;

namespace DiskServer.Volumes;

/// <summary>
/// Space on one volume, in bytes and in GB (2 decimals). Figures follow <c>df</c>: used = total - all free blocks,
/// free = space available to unprivileged users, percent used = used / (used + free); blocks reserved for root
/// count in neither.
/// </summary>
internal sealed record VolumeUsage(
    string MountPoint,
    string Device,
    string FileSystemType,
    long TotalBytes,
    long UsedBytes,
    long FreeBytes,
    long ReservedBytes)
{
    public double TotalGb => ByteSize.ToGigabytes(TotalBytes);

    public double UsedGb => ByteSize.ToGigabytes(UsedBytes);

    public double FreeGb => ByteSize.ToGigabytes(FreeBytes);

    public double PercentUsed => ByteSize.Percent(UsedBytes, UsedBytes + FreeBytes);

    /// <summary>Builds the figures from the three numbers statvfs gives (total, free to root, free to users).</summary>
    public static VolumeUsage FromSpace(MountEntry mount, long totalBytes, long totalFreeBytes, long availableBytes)
    {
        ArgumentNullException.ThrowIfNull(mount);
        return new VolumeUsage(
            mount.MountPoint,
            mount.Device,
            mount.FileSystemType,
            totalBytes,
            totalBytes - totalFreeBytes,
            availableBytes,
            Math.Max(0, totalFreeBytes - availableBytes));
    }

    /// <summary>Reads the volume's space through <see cref="DriveInfo"/> (statvfs on Unix).</summary>
    public static VolumeUsage Read(MountEntry mount)
    {
        ArgumentNullException.ThrowIfNull(mount);
        var drive = new DriveInfo(mount.MountPoint);
        return FromSpace(mount, drive.TotalSize, drive.TotalFreeSpace, drive.AvailableFreeSpace);
    }
}
