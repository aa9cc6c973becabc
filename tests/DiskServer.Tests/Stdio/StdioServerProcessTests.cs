using DiskServer.Tests.Support;

namespace DiskServer.Tests.Stdio;

public sealed class StdioServerProcessTests(StdioDiskServerFixture server) : IClassFixture<StdioDiskServerFixture>
{
    [Fact]
    public async Task BuiltServer_ListsItsThreeTools_OverStdio()
    {
        var tools = await server.Client.ListToolsAsync(cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal(["get_disk_usage", "get_largest_directories", "get_os_info"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("disk", server.Client.ServerInfo?.Name);
    }

    [Fact]
    public async Task BuiltServer_ReportsTheRootVolume_AsDriveInfoDoes()
    {
        var result = await server.Client.CallToolAsync("get_disk_usage", new Dictionary<string, object?> { ["path"] = "/" }, cancellationToken: TestTimeouts.DefaultToken());

        var volume = Assert.Single(result.Structured().GetProperty("volumes").EnumerateArray());
        Assert.Equal(new DriveInfo("/").TotalSize, volume.GetProperty("totalBytes").GetInt64());
    }

    [Fact]
    public async Task BuiltServer_DescribesTheOs()
    {
        var result = await server.Client.CallToolAsync("get_os_info", cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal(Environment.MachineName, result.Structured().GetProperty("machineName").GetString());
    }

    [Fact]
    public async Task BuiltServer_FindsTheLargestDirectory()
    {
        using var tree = new TempTree();
        tree.File("big/x.bin", 5000);
        tree.File("small/y.bin", 10);

        var result = await server.Client.CallToolAsync(
            "get_largest_directories", new Dictionary<string, object?> { ["path"] = tree.Root, ["top"] = 1 }, cancellationToken: TestTimeouts.DefaultToken());

        var top = Assert.Single(result.Structured().GetProperty("directories").EnumerateArray());
        Assert.Equal(tree.Path("big"), top.GetProperty("path").GetString());
    }

    [Fact]
    public async Task BuiltServer_ReturnsAToolError_ForBadInput()
    {
        var result = await server.Client.CallToolAsync(
            "get_largest_directories", new Dictionary<string, object?> { ["path"] = "/", ["maxDepth"] = 42 }, cancellationToken: TestTimeouts.DefaultToken());

        Assert.Contains("'maxDepth' must be between 1 and 10, but was 42.", result.ErrorText(), StringComparison.Ordinal);
    }
}
