using DiskServer.Tests.Support;
using DiskServer.Tools;

namespace DiskServer.Tests.InMemory;

public sealed class LargestDirectoriesToolTests : IDisposable
{
    private readonly TempTree _tree = new();

    public LargestDirectoriesToolTests()
    {
        _tree.File("videos/a.bin", 40_000);
        _tree.File("videos/2024/b.bin", 30_000);
        _tree.File("docs/c.bin", 2_000);
        _tree.File("cache/d.bin", 9_000);
        _tree.Link("cache/loop", _tree.Root);
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task GetLargestDirectories_ListsDirectoriesLargestFirst_WithHumanSizes()
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = _tree.Root });

        var structured = result.Structured();
        Assert.Equal(81_000, structured.GetProperty("totalBytes").GetInt64());
        Assert.Equal(
            [("videos", "68.36 KB"), ("videos/2024", "29.30 KB"), ("cache", "8.79 KB"), ("docs", "1.95 KB")],
            structured.GetProperty("directories").EnumerateArray()
                .Select(d => (Path.GetRelativePath(_tree.Root, d.GetProperty("path").GetString()!), d.GetProperty("size").GetString())));
        Assert.False(structured.GetProperty("partial").GetBoolean());
        var text = result.Text();
        Assert.Contains($"  1.   68.36 KB  {_tree.Path("videos")}", text, StringComparison.Ordinal);
        Assert.Contains("1 symbolic link not followed.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLargestDirectories_HonoursTopAndMaxDepth()
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = _tree.Root, ["top"] = 2, ["maxDepth"] = 1 });

        Assert.Equal(
            ["videos", "cache"],
            result.Structured().GetProperty("directories").EnumerateArray().Select(d => Path.GetFileName(d.GetProperty("path").GetString())));
    }

    [Fact]
    public async Task GetLargestDirectories_SaysPartial_WhenTheTimeBudgetIsReached()
    {
        var clock = new FakeTimeProvider();
        var reader = new FakeDirectoryReader { OnRead = _ => clock.Advance(TimeSpan.FromSeconds(1)) };
        await using var server = await InMemoryDiskServer.StartAsync(new DiskToolsOptions
        {
            DirectoryReader = reader,
            TimeProvider = clock,
            ScanBudget = TimeSpan.FromSeconds(2),
        });

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = _tree.Root });

        var structured = result.Structured();
        Assert.True(structured.GetProperty("partial").GetBoolean());
        Assert.Equal("partial: time budget reached (2 s); sizes are lower bounds", structured.GetProperty("partialReason").GetString());
        Assert.Contains("Partial: time budget reached (2 s); sizes are lower bounds.", result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLargestDirectories_NotesUnreadableFolders_AndCarriesOn()
    {
        var reader = new FakeDirectoryReader();
        reader.Unreadable.Add(_tree.Path("videos/2024"));
        await using var server = await InMemoryDiskServer.StartAsync(new DiskToolsOptions { DirectoryReader = reader });

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = _tree.Root });

        Assert.Equal(51_000, result.Structured().GetProperty("totalBytes").GetInt64());
        Assert.Contains($"Skipped 1 unreadable directory (not counted): {_tree.Path("videos/2024")}.", result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLargestDirectories_DoesNotEnterOtherMountedFileSystems()
    {
        await using var server = await InMemoryDiskServer.StartAsync(new DiskToolsOptions
        {
            ReadMounts = () => [new("/dev/sda1", "/", "ext4"), new("/dev/sdb1", _tree.Path("videos"), "xfs")],
        });

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = _tree.Root });

        Assert.Equal(11_000, result.Structured().GetProperty("totalBytes").GetInt64());
        Assert.Contains($"Other mounted file systems not entered: {_tree.Path("videos")}.", result.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2, "'top' must be between 1 and 100, but was 0.")]
    [InlineData(101, 2, "'top' must be between 1 and 100, but was 101.")]
    [InlineData(10, 0, "'maxDepth' must be between 1 and 10, but was 0.")]
    [InlineData(10, 11, "'maxDepth' must be between 1 and 10, but was 11.")]
    public async Task GetLargestDirectories_RejectsOutOfRangeLimits(int top, int maxDepth, string message)
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = _tree.Root, ["top"] = top, ["maxDepth"] = maxDepth });

        Assert.Contains(message, result.ErrorText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLargestDirectories_Fails_WhenThePathIsAFile()
    {
        await using var server = await InMemoryDiskServer.StartAsync();
        var file = _tree.Path("docs/c.bin");

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = file });

        Assert.Contains($"'{file}' is a file, not a directory. Pass a directory, e.g. the one holding it ({_tree.Path("docs")}).", result.ErrorText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLargestDirectories_Fails_WhenThePathDoesNotExist()
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = _tree.Path("gone") });

        Assert.Contains($"Path '{_tree.Path("gone")}' does not exist.", result.ErrorText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLargestDirectories_Fails_WhenThePathIsEmpty()
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = " " });

        Assert.Contains("'path' must not be empty: pass an absolute path such as '/' or '/home'.", result.ErrorText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLargestDirectories_Fails_WhenTheDirectoryCannotBeRead()
    {
        var reader = new FakeDirectoryReader();
        reader.Unreadable.Add(_tree.Root);
        await using var server = await InMemoryDiskServer.StartAsync(new DiskToolsOptions { DirectoryReader = reader });

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = _tree.Root });

        Assert.Contains($"Permission denied: the server cannot read the directory '{_tree.Root}'.", result.ErrorText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLargestDirectories_ResolvesRelativePaths_AgainstTheWorkingDirectory_AndSaysSo()
    {
        await using var server = await InMemoryDiskServer.StartAsync();
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, _tree.Root);

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = relative, ["top"] = 1 });

        Assert.Equal(_tree.Root, result.Structured().GetProperty("path").GetString());
        Assert.Contains($"Note: The relative path '{relative}' was resolved against the server's working directory", result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLargestDirectories_EndsInCancellation_AndTheServerGoesOn_WhenTheClientCancels()
    {
        using var cancellation = new CancellationTokenSource();
        var reader = new FakeDirectoryReader { OnRead = _ => cancellation.Cancel() };
        await using var server = await InMemoryDiskServer.StartAsync(new DiskToolsOptions { DirectoryReader = reader });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server.Client
            .CallToolAsync("get_largest_directories", new Dictionary<string, object?> { ["path"] = _tree.Root }, cancellationToken: cancellation.Token)
            .AsTask());

        reader.OnRead = null;
        Assert.Equal(81_000, (await server.CallAsync("get_largest_directories", new() { ["path"] = _tree.Root })).Structured().GetProperty("totalBytes").GetInt64());
    }

    [Fact]
    public async Task GetLargestDirectories_ThrowsOperationCanceled_WhenItsTokenIsCancelled()
    {
        var tools = new DiskTools(new DiskToolsOptions());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tools.GetLargestDirectories(_tree.Root, cancellationToken: new CancellationToken(canceled: true)));
    }
}
