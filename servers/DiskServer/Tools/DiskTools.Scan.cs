using System.ComponentModel;
using System.Globalization;
using System.Text;
using DiskServer.Formatting;
using DiskServer.Scanning;
using DiskServer.Volumes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DiskServer.Tools;

internal sealed partial class DiskTools
{
    public const int MaxTop = 100;
    public const int MaxDepthLimit = 10;

    // Deep trees have paths of thousands of characters: the text shortens them, structured content keeps them whole.
    private const int MaxShownPathLength = 200;

    [McpServerTool(Name = "get_largest_directories", Title = "Largest directories", ReadOnly = true, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(LargestDirectoriesReport))]
    [Description("Finds what takes the space below a directory: the largest sub-directories, largest first, each with the total size of all files below it (like du). Bounded by a time budget (the answer then says 'partial: time budget reached' and sizes are lower bounds); never follows symbolic links; does not enter other mounted file systems; unreadable folders are skipped and listed. Read-only.")]
    public async Task<CallToolResult> GetLargestDirectories(
        [Description("The directory to examine, e.g. '/home' or '/var'. Absolute paths are best; a relative one is resolved against the server's working directory.")]
        string path,
        [Description("How many directories to return, 1 to 100.")]
        int top = 10,
        [Description("How many levels below the path to list, 1 to 10 (1 = its direct sub-directories). Sizes always include everything below.")]
        int maxDepth = 2,
        CancellationToken cancellationToken = default)
    {
        if (top is < 1 or > MaxTop)
        {
            throw new McpException($"'top' must be between 1 and {MaxTop}, but was {top}.");
        }

        if (maxDepth is < 1 or > MaxDepthLimit)
        {
            throw new McpException($"'maxDepth' must be between 1 and {MaxDepthLimit}, but was {maxDepth}.");
        }

        var resolved = ResolveExisting(path, nameof(path));
        if (!Directory.Exists(resolved.FullPath))
        {
            var parent = Path.GetDirectoryName(resolved.FullPath);
            throw new McpException($"{DisplayPath.Quoted(resolved.FullPath)} is a file, not a directory. Pass a directory, e.g. the one holding it ({DisplayPath.Quote(parent ?? "/")}).");
        }

        var limits = new ScanLimits(maxDepth, _options.ScanBudget, OtherMountsBelow(resolved.FullPath), ScanLimits.PlatformMaxPathBytes);
        var scanner = new DirectoryScanner(_options.DirectoryReader, _options.TimeProvider);
        ScanResult scan;
        try
        {
            scan = await Task.Run(() => scanner.Scan(resolved.FullPath, limits, cancellationToken), cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            throw new McpException($"Permission denied: the server cannot read the directory {DisplayPath.Quoted(resolved.FullPath)}. Try a directory it can read, or its parent.");
        }
        catch (IOException ex)
        {
            throw new McpException($"Cannot read the directory {DisplayPath.Quoted(resolved.FullPath)}: {ex.Message}");
        }

        Log.Scanned(_logger, scan.Root, scan.DirectoryCount, (long)scan.Elapsed.TotalMilliseconds, scan.Partial, scan.UnreadableCount);
        var why = DescribePartial(scan, limits, static p => p);
        var report = new LargestDirectoriesReport(
            scan.Root, scan.TotalBytes, ByteSize.Humanize(scan.TotalBytes), scan.FileCount, scan.DirectoryCount,
            [.. scan.Directories.Take(top)], scan.Partial, why is null ? null : "partial: " + why,
            Math.Round(scan.Elapsed.TotalSeconds, 2), scan.UnreadableCount, scan.UnreadableExamples, scan.LinksSkipped,
            scan.OtherFileSystemsSkipped, resolved.Note, scan.TooDeepCount, scan.TooDeepBelow);
        return Result(FormatLargest(report, maxDepth, DescribePartial(scan, limits, static p => DisplayPath.Shorten(p, MaxShownPathLength))), report);
    }

    /// <summary>Why sizes are lower bounds, or null; paths shown through <paramref name="showPath"/>.</summary>
    private string? DescribePartial(ScanResult scan, ScanLimits limits, Func<string, string> showPath)
    {
        var reasons = new List<string>(2);
        if (scan.TimedOut)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"time budget reached ({_options.ScanBudget.TotalSeconds:0.#} s)"));
        }

        if (scan.TooDeepCount > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"{scan.TooDeepCount:N0} director{(scan.TooDeepCount == 1 ? "y" : "ies")} nested too deep to read (path longer than the system's limit of {limits.MaxPathBytes:N0} bytes), first below {showPath(scan.TooDeepBelow ?? string.Empty)}"));
        }

        return reasons.Count == 0 ? null : $"{string.Join("; ", reasons)}; sizes are lower bounds";
    }

    internal static string FormatLargest(LargestDirectoriesReport report, int maxDepth, string? partialText)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Largest directories under {DisplayPath.Quote(report.Path)} (depth <= {maxDepth}): {report.TotalSize} in {report.FileCount:N0} files, {report.DirectoryCount:N0} directories, scanned in {report.ElapsedSeconds:0.##} s.");
        if (report.Directories.Count == 0)
        {
            text.AppendLine("No sub-directories.");
        }

        var rank = 0;
        foreach (var directory in report.Directories)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{++rank,3}. {directory.Size,10}  {DisplayPath.Shorten(directory.Path, MaxShownPathLength)}");
        }

        if (partialText is not null)
        {
            text.Append("Partial: ").Append(partialText).AppendLine(".");
        }

        if (report.UnreadableCount > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Skipped {report.UnreadableCount} unreadable director{(report.UnreadableCount == 1 ? "y" : "ies")} (not counted): {string.Join(", ", report.UnreadableExamples.Select(static p => DisplayPath.Shorten(p, MaxShownPathLength)))}{(report.UnreadableCount > report.UnreadableExamples.Count ? ", ..." : string.Empty)}.");
        }

        if (report.LinksSkipped > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{report.LinksSkipped} symbolic link{(report.LinksSkipped == 1 ? string.Empty : "s")} not followed.");
        }

        if (report.OtherFileSystemsSkipped.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Other mounted file systems not entered: {string.Join(", ", report.OtherFileSystemsSkipped.Select(DisplayPath.Quote))}.");
        }

        AppendNote(text, report.Note);
        return text.ToString().TrimEnd();
    }

    // Mount points strictly below the root lead to other file systems (or repeat this one, for bind mounts); like du -x, stay out.
    private HashSet<string> OtherMountsBelow(string root)
    {
        var mounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mount in _options.ReadMounts())
        {
            if (mount.MountPoint != root && MountTable.IsUnder(mount.MountPoint, root))
            {
                mounts.Add(mount.MountPoint);
            }
        }

        return mounts;
    }
}
