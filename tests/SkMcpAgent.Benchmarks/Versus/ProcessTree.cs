using System.Globalization;

namespace SkMcpAgent.Benchmarks.Versus;

/// <summary>
/// The resident memory of a process and all its descendants, read from <c>/proc</c>: the children of each thread
/// (<c>/proc/PID/task/TID/children</c>), then each process's resident pages (<c>statm</c>).
/// </summary>
internal static class ProcessTree
{
    private static readonly long s_pageSize = Environment.SystemPageSize;

    /// <summary>The summed resident set of <paramref name="root"/> and its descendants, in bytes (0 once it has ended).</summary>
    public static long ResidentBytes(int root)
    {
        long total = 0;
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            total += Resident(pid);
            foreach (var child in Children(pid))
            {
                pending.Push(child);
            }
        }

        return total;
    }

    /// <summary>How many processes the tree of <paramref name="root"/> has, itself included.</summary>
    public static int Count(int root)
    {
        var count = 0;
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            count++;
            foreach (var child in Children(pid))
            {
                pending.Push(child);
            }
        }

        return count;
    }

    /// <summary>One process's resident set, in bytes (0 once it has ended).</summary>
    public static long Resident(int pid)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{pid}/statm").Split(' ');
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * s_pageSize;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // Ended meanwhile.
            return 0;
        }
    }

    private static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var task in tasks)
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(task, "children"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return int.Parse(part, CultureInfo.InvariantCulture);
            }
        }
    }
}

/// <summary>Samples a process tree's resident memory until disposed; keeps the peak.</summary>
internal sealed class PeakMemorySampler : IAsyncDisposable
{
    // Often enough to catch a peak of a run that lasts about a second, rarely enough not to load the 2 cores.
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(20);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public PeakMemorySampler(int root)
    {
        _sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(s_interval);
            do
            {
                _peak = Math.Max(_peak, ProcessTree.ResidentBytes(root));
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(static t => !t.IsCanceled, TaskScheduler.Default));
        });
    }

    /// <summary>The highest summed resident set seen, in bytes.</summary>
    public long PeakBytes => Interlocked.Read(ref _peak);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
