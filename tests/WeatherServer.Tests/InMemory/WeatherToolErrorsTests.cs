using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Logging;
using SkMcpAgent.Testing.Nws;
using static WeatherServer.Tests.InMemory.WeatherToolsTests;

namespace WeatherServer.Tests.InMemory;

public sealed class WeatherToolErrorsTests
{
    private const string TexasAlerts = "/alerts/active/area/TX";
    private const string AustinPoint = "/points/30.2672,-97.7431";

    [Theory]
    [InlineData("XX")]
    [InlineData("Texas")]
    [InlineData("")]
    public async Task GetAlerts_RefusesWithoutCallingNws_WhenTheStateIsNotAUsCode(string state)
    {
        await using var harness = await WeatherHarness.StartAsync();

        var result = await harness.CallAsync("get_alerts", new() { ["state"] = state });

        Assert.Contains($"'{state}' is not a US state or territory code. Use a two-letter postal code such as CA, TX, NY or PR.", ErrorText(result), StringComparison.Ordinal);
        Assert.Empty(harness.Nws.Requests);
    }

    [Fact]
    public async Task BadInput_IsAToolError_WithoutAnExceptionOrAnErrorLog()
    {
        // A thrown McpException made the SDK log an error with a stack trace on every bad call, which made the
        // validation path slower under load than a successful call that goes upstream.
        using var logs = new CapturingLoggerFactory();
        await using var harness = await WeatherHarness.StartAsync(serverLogs: logs);

        var badState = await harness.CallAsync("get_alerts", new() { ["state"] = "QQ" });
        var badPoint = await harness.CallAsync("get_forecast", new() { ["latitude"] = 91.0, ["longitude"] = 0.0 });

        Assert.True(badState.IsError);
        Assert.True(badPoint.IsError);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning || e.Exception is not null);
    }

    [Theory]
    [InlineData(91, -97, "Latitude must be between -90 and 90 degrees; got 91.")]
    [InlineData(-90.5, -97, "Latitude must be between -90 and 90 degrees; got -90.5.")]
    [InlineData(30, 181, "Longitude must be between -180 and 180 degrees; got 181.")]
    [InlineData(30, -180.01, "Longitude must be between -180 and 180 degrees; got -180.01.")]
    public async Task GetForecast_RefusesWithoutCallingNws_WhenCoordinatesAreOutOfRange(double latitude, double longitude, string expected)
    {
        await using var harness = await WeatherHarness.StartAsync();

        var result = await harness.CallAsync("get_forecast", new() { ["latitude"] = latitude, ["longitude"] = longitude });

        Assert.Contains(expected, ErrorText(result), StringComparison.Ordinal);
        Assert.Empty(harness.Nws.Requests);
    }

    [Fact]
    public async Task GetForecast_ExplainsCoverage_WhenNwsHasNoDataForThePoint()
    {
        await using var harness = await WeatherHarness.StartAsync();

        var result = await harness.CallAsync("get_forecast", new() { ["latitude"] = 0, ["longitude"] = 0 });

        var text = ErrorText(result);
        Assert.Contains("No forecast for 0,0: Data Unavailable For Requested Point: Unable to provide data for requested point 0,0.", text, StringComparison.Ordinal);
        Assert.Contains("covers only the United States and its territories", text, StringComparison.Ordinal);
        Assert.Equal("/points/0,0", Assert.Single(harness.Nws.Requests).Path);
    }

    [Fact]
    public async Task GetAlerts_SaysTheRequestWasRefused_WhenTheCdnAnswersWithAnHtmlPage()
    {
        await using var harness = await WeatherHarness.StartAsync();
        harness.Nws.Script(TexasAlerts, FakeNwsResponse.HtmlBlockPage());

        var result = await harness.CallAsync("get_alerts", new() { ["state"] = "TX" });

        var text = ErrorText(result);
        Assert.Contains("The National Weather Service refused the request (HTTP 403 with a non-JSON page", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<HTML>", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetAlerts_SaysWhichParameterNwsRejected_WhenTheProblemHasParameterErrors()
    {
        await using var harness = await WeatherHarness.StartAsync();
        var recorded = await File.ReadAllTextAsync(Path.Combine(RepoPaths.NwsFixtures, "alerts_region_error_404.json"));
        harness.Nws.Script(TexasAlerts, new FakeNwsResponse(404, "application/problem+json", recorded));

        var result = await harness.CallAsync("get_alerts", new() { ["state"] = "TX" });

        Assert.Contains(
            "The National Weather Service could not list alerts for TX: Not Found (path.region: Does not have a value in the enumeration [\"AL\",",
            ErrorText(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetForecast_GivesUpWithinTheTimeout_WhenNwsHangs()
    {
        await using var harness = await WeatherHarness.StartAsync(o => o.Timeout = TimeSpan.FromMilliseconds(300));
        harness.Nws.Script(AustinPoint, FakeNwsResponse.Hanging());

        var result = await harness.CallAsync("get_forecast", new() { ["latitude"] = 30.2672, ["longitude"] = -97.7431 });

        Assert.Contains("The National Weather Service did not answer within 0.3 s; try again in a minute.", ErrorText(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAlerts_RetriesThenReportsUnavailable_WhenNwsKeepsFailingWith503()
    {
        await using var harness = await WeatherHarness.StartAsync();
        harness.Nws.Script(TexasAlerts, FakeNwsResponse.ServerError(503));

        var result = await harness.CallAsync("get_alerts", new() { ["state"] = "TX" });

        Assert.Contains("The National Weather Service is unavailable right now (HTTP 503: Service Unavailable); try again in a minute.", ErrorText(result), StringComparison.Ordinal);
        Assert.Equal(3, harness.Nws.Requests.Count);
    }

    [Fact]
    public async Task GetAlerts_Succeeds_WhenA503ClearsOnRetry()
    {
        await using var harness = await WeatherHarness.StartAsync();
        harness.Nws.Script(TexasAlerts, FakeNwsResponse.ServerError(502), times: 1);

        var result = await harness.CallAsync("get_alerts", new() { ["state"] = "TX" });

        Assert.NotEqual(true, result.IsError);
        Assert.Equal(2, harness.Nws.Requests.Count);
    }

    [Fact]
    public async Task GetAlerts_HonoursRetryAfter_WhenRateLimited()
    {
        await using var harness = await WeatherHarness.StartAsync(o => o.RetryBaseDelay = TimeSpan.FromSeconds(30));
        harness.Nws.Script(TexasAlerts, FakeNwsResponse.TooManyRequests(retryAfterSeconds: 0), times: 2);

        var result = await harness.CallAsync("get_alerts", new() { ["state"] = "TX" });

        // Retry-After: 0 overrides the 30 s default back-off, so the call finishes within the test timeout.
        Assert.NotEqual(true, result.IsError);
        Assert.Equal(3, harness.Nws.Requests.Count);
    }

    [Fact]
    public async Task GetAlerts_ReportsRateLimit_WhenRetriesRunOut()
    {
        await using var harness = await WeatherHarness.StartAsync();
        harness.Nws.Script(TexasAlerts, FakeNwsResponse.TooManyRequests(retryAfterSeconds: 0));

        var result = await harness.CallAsync("get_alerts", new() { ["state"] = "TX" });

        Assert.Contains("The National Weather Service refused the request (HTTP 429", ErrorText(result), StringComparison.Ordinal);
        Assert.Equal(3, harness.Nws.Requests.Count);
    }
}
