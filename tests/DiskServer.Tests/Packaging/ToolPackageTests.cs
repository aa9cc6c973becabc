using System.IO.Compression;
using SkMcpAgent.Testing.Processes;

namespace DiskServer.Tests.Packaging;

public sealed class ToolPackageTests
{
    [Fact]
    public async Task DiskServer_PacksAsAnMcpServerTool_ThatAnswersToolsListOnceInstalled()
    {
        using var tool = await InstalledServerTool.PackAndInstallAsync("DiskServer", "SkMcpAgent.DiskServer", "skmcp-disk-server");

        await using var client = await tool.ConnectAsync();
        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal(["get_disk_usage", "get_largest_directories", "get_os_info"], tools.Select(static t => t.Name).Order());
        using var package = ZipFile.OpenRead(tool.Package);
        Assert.Contains(package.Entries, static e => e.FullName == ".mcp/server.json");
        var nuspec = package.Entries.Single(static e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        var manifest = await reader.ReadToEndAsync();
        Assert.Contains("<packageType name=\"McpServer\"", manifest, StringComparison.Ordinal);
        Assert.Contains("<packageType name=\"DotnetTool\"", manifest, StringComparison.Ordinal);
    }
}
