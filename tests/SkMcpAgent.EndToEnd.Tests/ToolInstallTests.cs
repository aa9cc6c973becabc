using System.Text.Json;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Processes;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary>The agent as a .NET tool: packed, installed into a tool path, run by its command name from there.</summary>
[Collection(AgentProcessGroup.Name)]
public sealed class ToolInstallTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-tool-").FullName;

    [Fact]
    public async Task PackedTool_Installs_AndRunsVersionAndTools()
    {
        var packages = Path.Combine(_folder, "packages");
        var toolPath = Path.Combine(_folder, "tools");
        // The agent is already built in the tests' configuration: pack that build.
        await RunAsync("dotnet", ["pack", Path.Combine(RepoPaths.Root, "src", "SkMcpAgent", "SkMcpAgent.csproj"), "--no-build", "-c", Configuration, "-o", packages]);
        await RunAsync("dotnet", ["tool", "install", "SkMcpAgent", "--tool-path", toolPath, "--add-source", packages]);
        var command = Path.Combine(toolPath, "SkMcpAgent");

        var version = await RunAsync(command, ["--version"]);
        var config = Path.Combine(_folder, "mcp.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new { mcpServers = new { disk = new { command = "dotnet", args = new[] { RepoPaths.ServerDll("DiskServer") } } } }));
        var tools = await RunAsync(command, ["tools", "--json", "--config", config]);

        Assert.StartsWith("0.1.0", version.Trim(), StringComparison.Ordinal);
        using var listing = JsonDocument.Parse(tools);
        var disk = Assert.Single(listing.RootElement.GetProperty("servers").EnumerateArray());
        Assert.Equal("ready", disk.GetProperty("state").GetString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static async Task<string> RunAsync(string fileName, string[] arguments)
    {
        await using var process = ChildProcess.Start(fileName, arguments, new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["TERM"] = "dumb" });
        // Packing and installing restore packages: longer than one agent run on a busy machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var exitCode = await process.WaitForExitAsync(timeout.Token);
        Assert.True(exitCode == 0, $"{fileName} {string.Join(' ', arguments)} exited {exitCode}:\n{process.StandardOutput}\n{process.StandardError}");
        return process.StandardOutput;
    }
}
