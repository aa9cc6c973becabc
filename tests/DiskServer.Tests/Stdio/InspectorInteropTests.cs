using System.Text.Json;
using DiskServer.Tests.Support;
using SkMcpAgent.Testing.Processes;

namespace DiskServer.Tests.Stdio;

/// <summary>The reference inspector CLI (a TypeScript MCP client) drives the built server over stdio.</summary>
public sealed class InspectorInteropTests
{
    private static async Task<JsonElement> InspectAsync(params string[] arguments)
    {
        await using var inspector = ChildProcess.Start(Peers.Bin("mcp-inspect"), [RepoPaths.ServerExecutable("DiskServer"), .. arguments]);
        inspector.CloseStandardInput();
        var exitCode = await inspector.WaitForExitAsync(TestTimeouts.DefaultToken());

        Assert.True(exitCode == 0, $"mcp-inspect exited with {exitCode}: {inspector.StandardError}");
        return JsonDocument.Parse(inspector.StandardOutput).RootElement.Clone();
    }

    [Fact]
    public async Task Inspector_ListsTheDiskTools_WithOutputSchemas()
    {
        var listing = await InspectAsync("--method", "tools/list");

        var tools = listing.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(["get_disk_usage", "get_largest_directories", "get_os_info"], tools.Select(t => t.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(tools, t => Assert.Equal(JsonValueKind.Object, t.GetProperty("outputSchema").ValueKind));
    }

    [Fact]
    public async Task Inspector_CallsGetDiskUsage()
    {
        var result = await InspectAsync("--method", "tools/call", "--tool-name", "get_disk_usage", "--tool-arg", "path=/");

        Assert.StartsWith("/ is on volume /", result.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(new DriveInfo("/").TotalSize, result.GetProperty("structuredContent").GetProperty("volumes")[0].GetProperty("totalBytes").GetInt64());
    }

    [Fact]
    public async Task Inspector_CallsGetOsInfo()
    {
        var result = await InspectAsync("--method", "tools/call", "--tool-name", "get_os_info");

        Assert.Equal(Environment.MachineName, result.GetProperty("structuredContent").GetProperty("machineName").GetString());
    }

    [Fact]
    public async Task Inspector_CallsGetLargestDirectories_WithNumericArguments()
    {
        using var tree = new TempTree();
        tree.File("a/1.bin", 300);
        tree.File("b/2.bin", 200);
        tree.File("c/3.bin", 100);

        var result = await InspectAsync("--method", "tools/call", "--tool-name", "get_largest_directories", "--tool-arg", $"path={tree.Root}", "top=2", "maxDepth=1");

        var directories = result.GetProperty("structuredContent").GetProperty("directories").EnumerateArray();
        Assert.Equal([tree.Path("a"), tree.Path("b")], directories.Select(d => d.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Inspector_ShowsTheToolError_ForAMissingPath()
    {
        var result = await InspectAsync("--method", "tools/call", "--tool-name", "get_disk_usage", "--tool-arg", "path=/no/such/dir");

        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Contains("Path '/no/such/dir' does not exist.", result.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
