using System.Text.Json;
using SkMcpAgent.Session;
using SkMcpAgent.Testing;
using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Modes;

/// <summary><c>mcp list</c> and inline <c>--config</c> JSON, through the whole app.</summary>
public sealed class ConfigDiscoveryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-discovery-").FullName;

    private string UserFile => Path.Combine(_folder, "home", "skmcpagent", "mcp.json");

    [Fact]
    public async Task McpList_ShowsEachFileLookedFor_AndTheServersOfTheOneRead()
    {
        Directory.CreateDirectory(Path.Combine(_folder, ".vscode"));
        File.WriteAllText(Path.Combine(_folder, ".vscode", "mcp.json"), """{ "servers": { "memory": { "command": "npx" }, "gh": { "type": "http", "url": "https://example.com/mcp" } } }""");
        Directory.CreateDirectory(Path.GetDirectoryName(UserFile)!);
        File.WriteAllText(UserFile, """{ "mcpServers": { "personal": { "command": "node" } } }""");
        var recording = new RecordingHost(currentDirectory: _folder);

        var exitCode = await AgentApp.RunAsync(["mcp", "list"], recording.Host, Setup());

        Assert.Equal(0, exitCode);
        var output = recording.Output;
        Assert.Contains($"· {Path.Combine(_folder, ".mcp.json")}: not found", output, StringComparison.Ordinal);
        Assert.Contains($"✓ {Path.Combine(_folder, ".vscode", "mcp.json")}: read\n    servers: memory (stdio), gh (http)", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"· {UserFile}: not read: the file above it is used", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InlineJsonConfig_IsTheServerList()
    {
        var recording = new RecordingHost(currentDirectory: _folder);
        var json = JsonSerializer.Serialize(new { mcpServers = new { disk = new { command = "dotnet", args = new[] { RepoPaths.ServerDll("DiskServer") } } } });

        var exitCode = await AgentApp.RunAsync(["tools", "--json", "--mcp-config", json], recording.Host, Setup());

        Assert.True(exitCode == 0, recording.Error);
        using var document = JsonDocument.Parse(recording.Output);
        var disk = Assert.Single(document.RootElement.GetProperty("servers").EnumerateArray());
        Assert.Equal("disk", disk.GetProperty("name").GetString());
        Assert.Equal("ready", disk.GetProperty("state").GetString());
    }

    [Fact]
    public async Task InlineJsonConfig_WithAnError_NamesItAndThePosition()
    {
        var recording = new RecordingHost(currentDirectory: _folder);

        var exitCode = await AgentApp.RunAsync(["tools", "-c", "{ \"mcpServers\": { \"x\": { \"command\": 1 } } }"], recording.Host, Setup());

        Assert.Equal(2, exitCode);
        Assert.Contains("--config JSON:1:", recording.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SessionSetup Setup() => new() { BaseDirectory = _folder, UserConfigFile = UserFile };
}
