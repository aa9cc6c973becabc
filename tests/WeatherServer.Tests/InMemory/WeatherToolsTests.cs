using System.Text.Json;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Testing.Nws;

namespace WeatherServer.Tests.InMemory;

public sealed class WeatherToolsTests
{
    [Fact]
    public async Task ListTools_OffersAlertsAndForecastWithOutputSchemas()
    {
        await using var harness = await WeatherHarness.StartAsync();

        var tools = await harness.Client.ListToolsAsync();

        Assert.Equal(["get_alerts", "get_forecast"], tools.Select(t => t.Name).Order());
        Assert.All(tools, t => Assert.NotNull(t.ProtocolTool.OutputSchema));
        var forecast = tools.Single(t => t.Name == "get_forecast").JsonSchema;
        Assert.Equal(["latitude", "longitude"], forecast.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
    }

    [Fact]
    public async Task GetAlerts_ReportsEachActiveAlert_ForTexas()
    {
        await using var harness = await WeatherHarness.StartAsync();

        var result = await harness.CallAsync("get_alerts", new() { ["state"] = "tx" });

        Assert.NotEqual(true, result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith("12 active weather alerts for Texas (TX):", text, StringComparison.Ordinal);
        Assert.Contains("Event: Heat Advisory", text, StringComparison.Ordinal);
        Assert.Contains("Severity: Moderate", text, StringComparison.Ordinal);
        Assert.Contains("Instructions: ", text, StringComparison.Ordinal);
        var structured = result.StructuredContent!.Value;
        Assert.Equal("TX", structured.GetProperty("state").GetString());
        Assert.Equal(12, structured.GetProperty("count").GetInt32());
        Assert.Equal(12, structured.GetProperty("alerts").GetArrayLength());
        Assert.Equal("/alerts/active/area/TX", Assert.Single(harness.Nws.Requests).Path);
    }

    [Fact]
    public async Task GetAlerts_SaysNoAlerts_WhenTheStateHasNone()
    {
        await using var harness = await WeatherHarness.StartAsync();

        var result = await harness.CallAsync("get_alerts", new() { ["state"] = "AZ" });

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("No active weather alerts for Arizona (AZ).", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.Equal(0, result.StructuredContent!.Value.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task GetForecast_FollowsThePointsLink_AndNamesThePlace()
    {
        await using var harness = await WeatherHarness.StartAsync();

        var result = await harness.CallAsync("get_forecast", new() { ["latitude"] = 30.26721234, ["longitude"] = -97.74309876 });

        Assert.NotEqual(true, result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith("Forecast for Austin, TX:", text, StringComparison.Ordinal);
        Assert.Contains("This Afternoon:\nTemperature: 101°F\nWind: 15 mph SSE\nForecast: A slight chance of showers", text, StringComparison.Ordinal);
        var periods = result.StructuredContent!.Value.GetProperty("periods");
        Assert.Equal(5, periods.GetArrayLength());
        Assert.Equal("This Afternoon", periods[0].GetProperty("name").GetString());
        Assert.Equal(101, periods[0].GetProperty("temperature").GetInt32());
        Assert.Equal(["/points/30.2672,-97.7431", "/gridpoints/EWX/156,91/forecast"], harness.Nws.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Requests_CarryTheUserAgentAndGeoJsonAccept()
    {
        await using var harness = await WeatherHarness.StartAsync(o => o.UserAgent = "test-agent/1.0 (me@example.com)");

        await harness.CallAsync("get_alerts", new() { ["state"] = "TX" });

        var request = Assert.Single(harness.Nws.Requests);
        Assert.Equal("test-agent/1.0 (me@example.com)", request.UserAgent);
        Assert.Equal("application/geo+json", request.Accept);
    }

    [Fact]
    public async Task ReadResource_ListsStateCodes()
    {
        await using var harness = await WeatherHarness.StartAsync();

        var result = await harness.Client.ReadResourceAsync("weather://states");

        var text = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents)).Text;
        Assert.Contains("TX Texas", text, StringComparison.Ordinal);
        Assert.Contains("PR Puerto Rico", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPrompt_WeatherBriefing_NamesThePlace()
    {
        await using var harness = await WeatherHarness.StartAsync();

        var prompt = await harness.Client.GetPromptAsync("weather_briefing", new Dictionary<string, object?> { ["place"] = "Austin, TX" });

        var text = Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text;
        Assert.Contains("Austin, TX", text, StringComparison.Ordinal);
        Assert.Contains("get_forecast", text, StringComparison.Ordinal);
    }

    internal static string ErrorText(CallToolResult result)
    {
        Assert.True(result.IsError);
        return Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
    }

    internal static JsonElement Structured(CallToolResult result) => result.StructuredContent!.Value;

    internal static string Austin => FormattableString.Invariant($"{FakeNwsServer.AustinLatitude},{FakeNwsServer.AustinLongitude}");
}
