using System.Text.Json;
using SkMcpAgent.EndToEnd.Tests.Support;

namespace SkMcpAgent.EndToEnd.Tests;

[Collection(AgentProcessGroup.Name)]
public sealed class ToolsAndCallTests : IAsyncLifetime
{
    private AgentWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await AgentWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task Tools_WithoutEnvFile_ListsEveryServerAndFunction()
    {
        _workspace.WriteConfig(includeWeather: true);

        var (exitCode, agent) = await _workspace.RunAsync("tools");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Contains("disk ready, 3 functions", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("weather ready", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("weather_get_forecast", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("latitude (number, required)", agent.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tools_Json_ShowsFailedServerWithReason()
    {
        _workspace.WriteFile("mcp.json", """{ "mcpServers": { "broken": { "command": "no-such-command-here" } } }""");

        var (exitCode, agent) = await _workspace.RunAsync("tools", "--json");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(agent.Stdout);
        var server = Assert.Single(document.RootElement.GetProperty("servers").EnumerateArray());
        Assert.Equal("failed", server.GetProperty("state").GetString());
        Assert.Contains("no-such-command-here", server.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_WithoutEnvFile_PrintsTheResult()
    {
        var (exitCode, agent) = await _workspace.RunAsync("call", "disk_get_disk_usage", "--args", "{\"path\":\"/\"}");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Contains("/", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("GB", agent.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_UnknownFunction_ExitsTwo_WithSuggestion()
    {
        var (exitCode, agent) = await _workspace.RunAsync("call", "get_os_info");
        await using var _ = agent;

        Assert.Equal(2, exitCode);
        Assert.Contains("error: No function named 'get_os_info'. Did you mean disk_get_os_info?", agent.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_InvalidArgsJson_ExitsTwo()
    {
        var (exitCode, agent) = await _workspace.RunAsync("call", "disk_get_disk_usage", "--args", "{path:");
        await using var _ = agent;

        Assert.Equal(2, exitCode);
        Assert.Contains("error: --args is not valid JSON", agent.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ToolError_ExitsOne()
    {
        var (exitCode, agent) = await _workspace.RunAsync("call", "disk_get_largest_directories", "--args", "{\"path\":\"/definitely/not/here\"}");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        Assert.Contains("error: disk_get_largest_directories failed:", agent.Stderr, StringComparison.Ordinal);
    }
}
