using Microsoft.Extensions.Logging;

namespace DiskServer;

/// <summary>The server's log messages (stderr only: stdout carries the protocol).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Disk server {Version} listening on stdio (scan budget {ScanBudgetSeconds} s).")]
    public static partial void Started(ILogger logger, string version, double scanBudgetSeconds);

    [LoggerMessage(2, LogLevel.Warning, "Skipped volume {MountPoint}: {Reason}")]
    public static partial void VolumeUnreadable(ILogger logger, string mountPoint, string reason);

    [LoggerMessage(3, LogLevel.Information, "Scanned {Path}: {Directories} directories in {ElapsedMs} ms, partial={Partial}, unreadable={Unreadable}.")]
    public static partial void Scanned(ILogger logger, string path, long directories, long elapsedMs, bool partial, int unreadable);
}
