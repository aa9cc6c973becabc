using System.Text.Json;
using SkMcpAgent.Testing;
using WeatherServer.Tools;

namespace WeatherServer.Tests.Unit;

public sealed class NwsReaderTests
{
    private static JsonElement Fixture(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.NwsFixtures, file))).RootElement;

    [Fact]
    public void ReadAlerts_KeepsNullInstructionsAsNull()
    {
        var alerts = NwsReader.ReadAlerts(Fixture("alerts_active.json"));

        Assert.Equal(12, alerts.Count);
        Assert.Contains(alerts, a => a.Instructions is null);
        Assert.All(alerts, a => Assert.False(string.IsNullOrEmpty(a.Event)));
    }

    [Fact]
    public void ReadAlerts_ReturnsNone_ForAnEmptyCollection() =>
        Assert.Empty(NwsReader.ReadAlerts(Fixture("alerts_empty.json")));

    [Fact]
    public void ReadPoint_GivesTheForecastLinkAndPlace()
    {
        var point = Fixture("points.json");

        Assert.Equal("https://api.weather.gov/gridpoints/EWX/156,91/forecast", NwsReader.ReadForecastUrl(point));
        Assert.Equal("Austin, TX", NwsReader.ReadPlaceName(point));
    }

    [Fact]
    public void ReadPeriods_TakesTheRequestedNumber_WithWindSpeedAndDirection()
    {
        var periods = NwsReader.ReadPeriods(Fixture("forecast.json"), 3);

        Assert.Equal(3, periods.Count);
        Assert.Equal(new ForecastPeriod("This Afternoon", 101, "F", "15 mph SSE", "Slight Chance Showers And Thunderstorms", periods[0].DetailedForecast), periods[0]);
    }

    [Fact]
    public void ReadPeriods_NamesHourlyPeriodsByStartTime_WhenNameIsEmpty()
    {
        var periods = NwsReader.ReadPeriods(Fixture("forecast_hourly.json"), 1);

        Assert.StartsWith("20", Assert.Single(periods).Name, StringComparison.Ordinal);
    }
}
