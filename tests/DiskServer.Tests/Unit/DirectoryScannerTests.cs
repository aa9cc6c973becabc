using DiskServer.Scanning;
using DiskServer.Tests.Support;

namespace DiskServer.Tests.Unit;

public sealed class DirectoryScannerTests : IDisposable
{
    private static readonly TimeSpan s_budget = TimeSpan.FromSeconds(30);
    private readonly TempTree _tree = new();
    private readonly FakeDirectoryReader _reader = new();
    private readonly FakeTimeProvider _clock = new();

    public DirectoryScannerTests()
    {
        // root: 10 bytes; big/ 1000 (+ big/inner 3000 + big/inner/deepest 5000); small/ 100; empty/.
        _tree.File("top.bin", 10);
        _tree.File("big/a.bin", 1000);
        _tree.File("big/inner/b.bin", 3000);
        _tree.File("big/inner/deepest/c.bin", 5000);
        _tree.File("small/d.bin", 100);
        _tree.Directory("empty");
    }

    public void Dispose() => _tree.Dispose();

    private ScanResult Scan(int maxDepth = 2, TimeSpan? budget = null, IReadOnlySet<string>? excluded = null) =>
        new DirectoryScanner(_reader, _clock).Scan(
            _tree.Root, new ScanLimits(maxDepth, budget ?? s_budget, excluded ?? new HashSet<string>()), CancellationToken.None);

    [Fact]
    public void Scan_AggregatesEverythingBelowEachDirectory_LargestFirst()
    {
        var result = Scan();

        Assert.Equal(9110, result.TotalBytes);
        Assert.Equal(5, result.FileCount);
        Assert.Equal(6, result.DirectoryCount);
        Assert.Equal(
            [("big", 9000L), ("big/inner", 8000L), ("small", 100L), ("empty", 0L)],
            result.Directories.Select(d => (Path.GetRelativePath(_tree.Root, d.Path), d.Bytes)));
        Assert.False(result.Partial);
    }

    [Fact]
    public void Scan_ListsOnlyDownToMaxDepth_ButCountsDeeperFiles()
    {
        var result = Scan(maxDepth: 1);

        Assert.Equal(["big", "small", "empty"], result.Directories.Select(d => Path.GetRelativePath(_tree.Root, d.Path)));
        Assert.Equal(9000, result.Directories[0].Bytes);
        Assert.All(result.Directories, d => Assert.Equal(1, d.Depth));
    }

    [Fact]
    public void Scan_ReportsDepthOfEachDirectory()
    {
        var result = Scan(maxDepth: 3);

        Assert.Equal(3, result.Directories.Single(d => d.Path.EndsWith("deepest", StringComparison.Ordinal)).Depth);
    }

    [Fact]
    public void Scan_DoesNotFollowOrCountSymbolicLinks_EvenWhenTheyLoop()
    {
        _tree.Link("big/loop", _tree.Root);
        _tree.Link("small/file-link", _tree.Path("big/a.bin"));

        var result = Scan(maxDepth: 10);

        Assert.Equal(9110, result.TotalBytes);
        Assert.Equal(2, result.LinksSkipped);
        Assert.DoesNotContain(_reader.Read, p => p.Contains("loop", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_SkipsUnreadableDirectories_CountsAndNamesThem()
    {
        _reader.Unreadable.Add(_tree.Path("big/inner"));

        var result = Scan();

        Assert.Equal(1, result.UnreadableCount);
        Assert.Equal([_tree.Path("big/inner")], result.UnreadableExamples);
        Assert.Equal(1110, result.TotalBytes);
    }

    [Fact]
    public void Scan_NamesAtMostFiveUnreadableDirectories_ButCountsAll()
    {
        for (var i = 0; i < 7; i++)
        {
            _reader.Unreadable.Add(_tree.Directory($"locked/{i}"));
        }

        var result = Scan();

        Assert.Equal(7, result.UnreadableCount);
        Assert.Equal(DirectoryScanner.MaxUnreadableExamples, result.UnreadableExamples.Count);
    }

    [Fact]
    public void Scan_Throws_WhenTheRootIsUnreadable()
    {
        _reader.Unreadable.Add(_tree.Root);

        Assert.Throws<UnauthorizedAccessException>(() => Scan());
    }

    [Fact]
    public void Scan_StopsAndMarksPartial_WhenTheTimeBudgetRunsOut()
    {
        // Each directory read takes "one second"; the budget allows three.
        _reader.OnRead = _ => _clock.Advance(TimeSpan.FromSeconds(1));

        var result = Scan(maxDepth: 10, budget: TimeSpan.FromSeconds(3));

        Assert.True(result.Partial);
        Assert.Equal(3, _reader.Read.Count);
        Assert.True(result.TotalBytes < 9110);
    }

    [Fact]
    public void Scan_Throws_WhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        _reader.OnRead = _ => cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => new DirectoryScanner(_reader, _clock)
            .Scan(_tree.Root, new ScanLimits(2, s_budget, new HashSet<string>()), cancellation.Token));
    }

    [Fact]
    public void Scan_DoesNotEnterExcludedDirectories_AndNamesThem()
    {
        var result = Scan(excluded: new HashSet<string> { _tree.Path("big") });

        Assert.Equal([_tree.Path("big")], result.OtherFileSystemsSkipped);
        Assert.Equal(110, result.TotalBytes);
        Assert.DoesNotContain(_tree.Path("big"), _reader.Read);
    }
}
