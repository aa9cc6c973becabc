using DiskServer.Tests.Support;
using DiskServer.Volumes;

namespace DiskServer.Tests.InMemory;

public sealed class DiskUsageToolTests
{
    [Fact]
    public async Task GetDiskUsage_ListsEveryRealVolume_WhenNoPathIsGiven()
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_disk_usage");

        var volumes = result.Structured().GetProperty("volumes").EnumerateArray().ToList();
        var root = Assert.Single(volumes, v => v.GetProperty("mountPoint").GetString() == "/");
        Assert.Equal(new DriveInfo("/").TotalSize, root.GetProperty("totalBytes").GetInt64());
        Assert.DoesNotContain(volumes, v => v.GetProperty("fileSystemType").GetString() is "proc" or "sysfs" or "tmpfs" or "cgroup");
        Assert.Contains("% used", result.Text(), StringComparison.Ordinal);
        Assert.Contains("GB total", result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDiskUsage_ReportsTheVolumeHoldingThePath()
    {
        using var tree = new TempTree();
        await using var server = await InMemoryDiskServer.StartAsync();
        var expected = MountTable.FindContaining(MountTable.ReadSystem(), tree.Root)!;

        var result = await server.CallAsync("get_disk_usage", new() { ["path"] = tree.Root });

        var structured = result.Structured();
        Assert.Equal(tree.Root, structured.GetProperty("path").GetString());
        var volume = Assert.Single(structured.GetProperty("volumes").EnumerateArray());
        Assert.Equal(expected.MountPoint, volume.GetProperty("mountPoint").GetString());
        Assert.StartsWith($"{tree.Root} is on volume {expected.MountPoint} ", result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDiskUsage_ResolvesSymbolicLinks_BeforeFindingTheVolume()
    {
        using var tree = new TempTree();
        tree.Link("to-proc", "/proc/self");
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_disk_usage", new() { ["path"] = tree.Path("to-proc") });

        var volume = Assert.Single(result.Structured().GetProperty("volumes").EnumerateArray());
        Assert.Equal("/proc", volume.GetProperty("mountPoint").GetString());
    }

    [Fact]
    public async Task GetDiskUsage_SaysHowARelativePathWasResolved()
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_disk_usage", new() { ["path"] = "." });

        Assert.Equal(Environment.CurrentDirectory, result.Structured().GetProperty("path").GetString());
        Assert.Contains(
            $"Note: The relative path '.' was resolved against the server's working directory ({Environment.CurrentDirectory})",
            result.Text(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDiskUsage_FailsWithAClearMessage_WhenThePathDoesNotExist()
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_disk_usage", new() { ["path"] = "/no/such/place" });

        Assert.Contains(
            "Path '/no/such/place' does not exist. Check the spelling, or pass an absolute path to an existing file or directory.",
            result.ErrorText(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDiskUsage_FailsWithAClearMessage_WhenLinksLoop()
    {
        using var tree = new TempTree();
        tree.Link("a", tree.Path("b"));
        tree.Link("b", tree.Path("a"));
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_disk_usage", new() { ["path"] = tree.Path("a") });

        Assert.Contains($"Cannot resolve '{tree.Path("a")}': Too many levels of symbolic links", result.ErrorText(), StringComparison.Ordinal);
    }
}
