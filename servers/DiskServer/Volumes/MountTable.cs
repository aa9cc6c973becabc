using System.Runtime.InteropServices;
using System.Text;

namespace DiskServer.Volumes;

/// <summary>Reads the mount table and picks the volumes that hold user data.</summary>
internal static class MountTable
{
    // Kernel and virtual file systems: they have no disk behind them, or report the space of another mount.
    private static readonly HashSet<string> s_pseudoTypes = new(StringComparer.Ordinal)
    {
        "proc", "sysfs", "cgroup", "cgroup2", "devtmpfs", "devpts", "devfs", "tmpfs", "ramfs", "mqueue",
        "securityfs", "debugfs", "tracefs", "pstore", "bpf", "configfs", "fusectl", "hugetlbfs", "autofs",
        "binfmt_misc", "rpc_pipefs", "nsfs", "efivarfs", "selinuxfs", "squashfs", "nfsd", "fuse.lxcfs",
        "fuse.gvfsd-fuse", "fuse.portal", "fuse.snapfuse", "shm", "none",
    };

    /// <summary>The mount table of this machine: /proc/self/mounts on Linux, the drive list elsewhere.</summary>
    public static IReadOnlyList<MountEntry> ReadSystem()
    {
        if (OperatingSystem.IsLinux() && File.Exists("/proc/self/mounts"))
        {
            return Parse(File.ReadAllText("/proc/self/mounts"));
        }

        return [.. DriveInfo.GetDrives()
            .Where(static d => d.IsReady)
            .Select(static d => new MountEntry(d.Name, d.RootDirectory.FullName, d.DriveFormat))];
    }

    /// <summary>Parses text in the /proc/mounts format: <c>device mount-point type options dump pass</c>, one mount per line.</summary>
    public static IReadOnlyList<MountEntry> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<MountEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 3)
            {
                entries.Add(new MountEntry(Unescape(fields[0]), Unescape(fields[1]), fields[2]));
            }
        }

        return entries;
    }

    /// <summary>True for file systems with no user data of their own (proc, sysfs, cgroup, tmpfs, overlays other than the root...).</summary>
    public static bool IsPseudo(MountEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // A container's root is an overlay and is the only view of its disk; other overlays repeat a disk already listed.
        return entry.FileSystemType == "overlay"
            ? entry.MountPoint != "/"
            : s_pseudoTypes.Contains(entry.FileSystemType);
    }

    /// <summary>
    /// The volumes worth reporting: pseudo file systems dropped, and each device once (bind mounts repeat a
    /// device), at its shortest mount point.
    /// </summary>
    public static IReadOnlyList<MountEntry> RealVolumes(IEnumerable<MountEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries
            .Where(static e => !IsPseudo(e))
            .GroupBy(static e => e.Device, StringComparer.Ordinal)
            .Select(static g => g.OrderBy(static e => e.MountPoint.Length).ThenBy(static e => e.MountPoint, StringComparer.Ordinal).First())
            .OrderBy(static e => e.MountPoint, StringComparer.Ordinal)];
    }

    /// <summary>The mount holding <paramref name="resolvedPath"/>: the longest mount point that is a whole-component prefix of it.</summary>
    public static MountEntry? FindContaining(IEnumerable<MountEntry> entries, string resolvedPath)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(resolvedPath);

        MountEntry? best = null;
        foreach (var entry in entries)
        {
            // ">=" so that, of mounts stacked on one point, the last (the visible one) wins, as in the kernel.
            if (IsUnder(resolvedPath, entry.MountPoint) && (best is null || entry.MountPoint.Length >= best.MountPoint.Length))
            {
                best = entry;
            }
        }

        return best;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it.</summary>
    public static bool IsUnder(string path, string directory)
    {
        var comparison = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var trimmed = directory.Length > 1 ? directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : directory;
        if (!path.StartsWith(trimmed, comparison))
        {
            return false;
        }

        return path.Length == trimmed.Length
            || trimmed.EndsWith(Path.DirectorySeparatorChar)
            || trimmed.EndsWith(Path.AltDirectorySeparatorChar)
            || path[trimmed.Length] == Path.DirectorySeparatorChar
            || path[trimmed.Length] == Path.AltDirectorySeparatorChar;
    }

    // The kernel writes space, tab, newline and backslash in mount fields as three-digit octal escapes (\040...).
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var builder = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field.AsSpan(i + 1, 3)))
            {
                builder.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                builder.Append(field[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsOctal(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }
        }

        return true;
    }
}
