using System.Diagnostics;
using System.Text;

namespace DiskServer.Scanning;

/// <summary>
/// Adds up file sizes below a directory, the way <c>du</c> does but bounded: it reports levels down to a maximum
/// depth, stops at a time budget, never follows links, stops (partial) where paths grow past the system's limit, stays on the root's file system, and notes what it could
/// not read instead of failing.
/// </summary>
internal sealed class DirectoryScanner(IDirectoryReader reader, TimeProvider timeProvider)
{
    /// <summary>How many unreadable directories are named in the result; the rest are only counted.</summary>
    public const int MaxUnreadableExamples = 5;

    /// <summary>Scans <paramref name="root"/>, which must be a readable directory.</summary>
    /// <exception cref="UnauthorizedAccessException">The root itself cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ScanResult Scan(string root, ScanLimits limits, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(limits);

        var started = timeProvider.GetTimestamp();
        var reported = new List<Node> { new(root, 0, -1) };

        // Depth-first with an explicit stack; each item carries the nearest reported node its files add to, so
        // directories deeper than MaxDepth cost no memory once listed.
        var pending = new Stack<(string Path, int Depth, int Owner)>();
        pending.Push((root, 0, 0));
        var state = new ScanState();
        var timedOut = false;

        while (pending.TryPop(out var item))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (timeProvider.GetElapsedTime(started) >= limits.TimeBudget)
            {
                timedOut = true;
                break;
            }

            IReadOnlyList<ScanEntry> entries;
            try
            {
                entries = reader.Read(item.Path);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException && item.Depth > 0)
            {
                state.NoteUnreadable(item.Path);
                continue;
            }

            state.Directories++;
            foreach (var entry in entries)
            {
                switch (entry.Kind)
                {
                    case ScanEntryKind.File:
                        reported[item.Owner].Bytes += entry.Length;
                        state.Files++;
                        break;
                    case ScanEntryKind.Link:
                        state.Links++;
                        break;
                    case ScanEntryKind.Directory when limits.ExcludedDirectories.Contains(entry.FullPath):
                        state.OtherFileSystems.Add(entry.FullPath);
                        break;
                    case ScanEntryKind.Directory when IsTooLong(entry.FullPath, limits.MaxPathBytes):
                        state.NoteTooDeep(item.Path);
                        break;
                    case ScanEntryKind.Directory:
                        var depth = item.Depth + 1;
                        var owner = item.Owner;
                        if (depth <= limits.MaxDepth)
                        {
                            reported.Add(new Node(entry.FullPath, depth, item.Owner));
                            owner = reported.Count - 1;
                        }

                        pending.Push((entry.FullPath, depth, owner));
                        break;
                }
            }
        }

        // Children always come after their parent in the list, so one backward pass sums every subtree.
        for (var i = reported.Count - 1; i > 0; i--)
        {
            reported[reported[i].Parent].Bytes += reported[i].Bytes;
        }

        var directories = reported.Skip(1)
            .Select(static n => new DirectoryUsage(n.Path, n.Depth, n.Bytes))
            .OrderByDescending(static d => d.Bytes)
            .ThenBy(static d => d.Path, StringComparer.Ordinal)
            .ToList();

        return new ScanResult(
            root, reported[0].Bytes, state.Files, state.Directories, directories, timedOut || state.TooDeepCount > 0,
            timeProvider.GetElapsedTime(started), state.UnreadableCount, state.UnreadableExamples, state.Links, state.OtherFileSystems,
            state.TooDeepCount, state.TooDeepBelow)
        {
            TimedOut = timedOut,
        };
    }

    // The enumerator cannot even form a path past the limit (it yields an empty one), so look before entering.
    private static bool IsTooLong(string path, int maxPathBytes) =>
        path.Length == 0 || Encoding.UTF8.GetByteCount(path) > maxPathBytes;

    private sealed class Node(string path, int depth, int parent)
    {
        public string Path { get; } = path;

        public int Depth { get; } = depth;

        public int Parent { get; } = parent;

        public long Bytes { get; set; }
    }

    private sealed class ScanState
    {
        public long Files { get; set; }

        public long Directories { get; set; }

        public int Links { get; set; }

        public int UnreadableCount { get; private set; }

        public List<string> UnreadableExamples { get; } = [];

        public List<string> OtherFileSystems { get; } = [];

        public int TooDeepCount { get; private set; }

        /// <summary>The first directory whose sub-directories were too deep to read.</summary>
        public string? TooDeepBelow { get; private set; }

        public void NoteTooDeep(string parent)
        {
            TooDeepCount++;
            TooDeepBelow ??= parent;
        }

        public void NoteUnreadable(string path)
        {
            UnreadableCount++;
            if (UnreadableExamples.Count < MaxUnreadableExamples)
            {
                UnreadableExamples.Add(path);
            }
        }
    }
}
