using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Processes;

namespace WeatherServer.Tests.Packaging;

public sealed class ToolPackageTests
{
    [Fact]
    public async Task WeatherServer_PacksAsAnMcpServerTool_ThatAnswersToolsListOnceInstalled()
    {
        using var tool = await InstalledServerTool.PackAndInstallAsync("WeatherServer", "SkMcpAgent.WeatherServer", "skmcp-weather-server");

        await using var client = await tool.ConnectAsync();
        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal(["get_alerts", "get_forecast"], tools.Select(static t => t.Name).Order());
    }
}
