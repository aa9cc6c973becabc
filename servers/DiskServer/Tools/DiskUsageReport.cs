using System.ComponentModel;
using DiskServer.Volumes;

namespace DiskServer.Tools;

/// <summary>The structured result of <c>get_disk_usage</c>.</summary>
[Description("Disk usage of one or more volumes. GB are binary (1024^3 bytes) with 2 decimals; free is the space available to normal users, as df shows it.")]
internal sealed record DiskUsageReport(
    [property: Description("The path asked about (absolute, links resolved), or null when every volume is listed.")] string? Path,
    [property: Description("A remark about how the request was understood, e.g. a relative path resolved against the server's working directory.")] string? Note,
    [property: Description("The volumes, sorted by mount point.")] IReadOnlyList<VolumeUsage> Volumes);
