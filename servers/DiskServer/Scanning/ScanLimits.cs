namespace DiskServer.Scanning;

/// <summary>How far and how long a scan may go, and the directories it must not enter.</summary>
/// <param name="MaxDepth">Deepest level reported (1 = the root's children). Sizes still include everything below.</param>
/// <param name="TimeBudget">Wall-clock time after which the scan stops and reports what it has, marked partial.</param>
/// <param name="ExcludedDirectories">Directories not entered, e.g. mount points of other file systems.</param>
internal sealed record ScanLimits(int MaxDepth, TimeSpan TimeBudget, IReadOnlySet<string> ExcludedDirectories);
