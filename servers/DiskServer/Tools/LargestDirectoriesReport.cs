using System.ComponentModel;
using DiskServer.Scanning;

namespace DiskServer.Tools;

/// <summary>The structured result of <c>get_largest_directories</c>.</summary>
[Description("The directories taking the most space below a path, largest first. Sizes are the apparent sizes of all files below each directory.")]
internal sealed record LargestDirectoriesReport(
    [property: Description("The scanned directory (absolute, links resolved).")] string Path,
    [property: Description("Total bytes of all files found below the path.")] long TotalBytes,
    [property: Description("The total, human-readable.")] string TotalSize,
    long FileCount,
    long DirectoryCount,
    [property: Description("At most 'top' directories, depth 1 = direct children of the path.")] IReadOnlyList<DirectoryUsage> Directories,
    [property: Description("True when the scan stopped early; sizes are then lower bounds.")] bool Partial,
    [property: Description("Why the scan stopped early, e.g. 'partial: time budget reached' or directories nested too deep to read.")] string? PartialReason,
    double ElapsedSeconds,
    [property: Description("Directories that could not be read (permission denied); their contents are not counted.")] int UnreadableCount,
    IReadOnlyList<string> UnreadableExamples,
    [property: Description("Symbolic links seen and not followed.")] int LinksSkipped,
    [property: Description("Mount points of other file systems below the path, not entered (scan them separately).")] IReadOnlyList<string> OtherFileSystemsSkipped,
    string? Note,
    [property: Description("Directories nested past the system's path length limit, not read; their contents are not counted.")] int TooDeepCount,
    [property: Description("The first directory whose sub-directories were too deep to read, exact.")] string? TooDeepBelow);
