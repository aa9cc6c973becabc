using System.Text.Json;
using SkMcpAgent.Testing;

namespace WeatherServer.Tests.Processes;

/// <summary>Interop with the reference client: the MCP inspector CLI lists and calls the weather tools.</summary>
[Collection(WeatherHttpTests.Name)]
public sealed class InspectorTests(WeatherHttpFixture fixture)
{
    [Fact]
    public async Task Stdio_ListsTools()
    {
        var output = await InspectAsync([.. StdioTarget(), "--method", "tools/list"]);

        var names = output.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Order();
        Assert.Equal(["get_alerts", "get_forecast"], names);
    }

    [Fact]
    public async Task Stdio_CallsGetAlerts()
    {
        var output = await InspectAsync([.. StdioTarget(), "--method", "tools/call", "--tool-name", "get_alerts", "--tool-arg", "state=TX"]);

        Assert.StartsWith("12 active weather alerts for Texas (TX):", output.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(12, output.GetProperty("structuredContent").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task StreamableHttp_CallsGetForecast()
    {
        var output = await InspectAsync([fixture.Server.McpUrl, "--method", "tools/call", "--tool-name", "get_forecast",
            "--tool-arg", "latitude=30.2672", "longitude=-97.7431"]);

        Assert.StartsWith("Forecast for Austin, TX:", output.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sse_ListsTools()
    {
        var output = await InspectAsync([fixture.Server.SseUrl, "--method", "tools/list"]);

        Assert.Equal(2, output.GetProperty("tools").GetArrayLength());
    }

    // The inspector gives a stdio server only a minimal environment, so NWS_BASE_URL goes through env(1).
    private string[] StdioTarget() => ["env", $"NWS_BASE_URL={fixture.Nws.BaseUrl}", "dotnet", RepoPaths.ServerDll("WeatherServer")];

    private static async Task<JsonElement> InspectAsync(string[] arguments)
    {
        await using var inspector = ChildProcess.Start(Peers.Bin("mcp-inspect"), arguments);
        var exitCode = await inspector.WaitForExitAsync(TestTimeouts.DefaultToken());
        Assert.True(exitCode == 0, $"mcp-inspect exited {exitCode}:\n{inspector.StandardError}");
        return JsonDocument.Parse(inspector.StandardOutput).RootElement;
    }
}
