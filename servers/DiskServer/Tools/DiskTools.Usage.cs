using System.ComponentModel;
using System.Globalization;
using System.Text;
using DiskServer.Formatting;
using DiskServer.Volumes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DiskServer.Tools;

internal sealed partial class DiskTools
{
    [McpServerTool(Name = "get_disk_usage", Title = "Disk usage", ReadOnly = true, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(DiskUsageReport))]
    [Description("Reports total, used and free space (GB, 2 decimals) and percent used, as df does. With a path: for the volume holding that path. Without: for every real mounted volume (virtual file systems such as proc, sysfs, tmpfs are left out and bind mounts of one device shown once).")]
    public CallToolResult GetDiskUsage(
        [Description("Optional file or directory; the volume holding it is reported. Absolute paths are best; a relative one is resolved against the server's working directory. Omit to list every volume.")]
        string? path = null)
    {
        var mounts = _options.ReadMounts();
        if (string.IsNullOrWhiteSpace(path))
        {
            var volumes = new List<VolumeUsage>();
            foreach (var mount in MountTable.RealVolumes(mounts))
            {
                if (TryRead(mount) is { TotalBytes: > 0 } usage)
                {
                    volumes.Add(usage);
                }
            }

            var all = new DiskUsageReport(null, null, volumes);
            return Result(FormatUsage(all), all);
        }

        var resolved = ResolveExisting(path, nameof(path));
        var holder = MountTable.FindContaining(mounts, resolved.FullPath)
            ?? throw new McpException($"No mounted volume holds {DisplayPath.Quoted(resolved.FullPath)}; call get_disk_usage without a path to see the volumes.");
        VolumeUsage single;
        try
        {
            single = VolumeUsage.Read(holder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new McpException($"Cannot read the space of volume {DisplayPath.Quoted(holder.MountPoint)} holding {DisplayPath.Quoted(resolved.FullPath)}: {ex.Message}");
        }

        var report = new DiskUsageReport(resolved.FullPath, resolved.Note, [single]);
        return Result(FormatUsage(report), report);
    }

    internal static string FormatUsage(DiskUsageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        if (report.Path is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"{DisplayPath.Quote(report.Path)} is on volume ");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{report.Volumes.Count} volume{(report.Volumes.Count == 1 ? string.Empty : "s")} (GB = 1024^3 bytes):");
        }

        foreach (var v in report.Volumes)
        {
            text.Append(report.Path is null ? "- " : string.Empty)
                .Append(CultureInfo.InvariantCulture, $"{DisplayPath.Quote(v.MountPoint)} ({DisplayPath.Quote(v.Device)}, {DisplayPath.Quote(v.FileSystemType)}): {v.TotalGb:F2} GB total, {v.UsedGb:F2} GB used, {v.FreeGb:F2} GB free, {v.PercentUsed:F1}% used");
            if (v.ReservedBytes > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({ByteSize.ToGigabytes(v.ReservedBytes):F2} GB reserved for root, counted in neither used nor free)");
            }

            text.AppendLine();
        }

        AppendNote(text, report.Note);
        return text.ToString().TrimEnd();
    }

    private VolumeUsage? TryRead(MountEntry mount)
    {
        try
        {
            return VolumeUsage.Read(mount);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.VolumeUnreadable(_logger, mount.MountPoint, ex.Message);
            return null;
        }
    }
}
