using DiskServer.Tests.Support;

namespace DiskServer.Tests.InMemory;

public sealed class ServerListingTests
{
    [Fact]
    public async Task ListTools_ReturnsTheThreeReadOnlyTools_WithDescriptionsAndOutputSchemas()
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var tools = await server.Client.ListToolsAsync(cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal(["get_disk_usage", "get_largest_directories", "get_os_info"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, tool =>
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description));
            Assert.True(tool.ProtocolTool.Annotations?.ReadOnlyHint);
            Assert.NotNull(tool.ProtocolTool.OutputSchema);
        });
    }

    [Fact]
    public async Task ListTools_DescribesParameters_OfLargestDirectories()
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var tools = await server.Client.ListToolsAsync(cancellationToken: TestTimeouts.DefaultToken());

        var schema = tools.Single(t => t.Name == "get_largest_directories").JsonSchema;
        var properties = schema.GetProperty("properties");
        Assert.Equal(10, properties.GetProperty("top").GetProperty("default").GetInt32());
        Assert.Equal(2, properties.GetProperty("maxDepth").GetProperty("default").GetInt32());
        Assert.Equal(["path"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ServerInfo_NamesTheDiskServer()
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        Assert.Equal("disk", server.Client.ServerInfo?.Name);
    }
}
