using WeatherServer.Tools;

namespace WeatherServer.Tests.Unit;

public sealed class WeatherTextTests
{
    [Fact]
    public void Alert_JoinsWrappedLines_AndSaysWhenThereAreNoInstructions()
    {
        var alert = new WeatherAlert("Heat Advisory", "Travis; Hays", "Moderate", null, "HOT\nconditions.\n\nStay cool.", null);

        var text = WeatherText.Alert(alert);

        Assert.Equal("Event: Heat Advisory\nArea: Travis; Hays\nSeverity: Moderate\nDescription: HOT conditions.\nStay cool.\nInstructions: No specific instructions provided",
            text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Alerts_SaysSingularForOne_AndNamesTheState()
    {
        var report = new AlertsReport("PR", 1, [new WeatherAlert("Flood Watch", "San Juan", "Severe", null, "Rain.", "Move to higher ground.")]);

        Assert.StartsWith("1 active weather alert for Puerto Rico (PR):\n\nEvent: Flood Watch", WeatherText.Alerts(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Period_ShowsTemperatureUnitWindAndDetail()
    {
        var period = new ForecastPeriod("Tonight", 75, "F", "5 mph S", "Clear", "Clear, with a low around 75.");

        Assert.Equal("Tonight:\nTemperature: 75°F\nWind: 5 mph S\nForecast: Clear, with a low around 75.", WeatherText.Period(period));
    }

    [Fact]
    public void Period_SaysNotAvailable_WhenTemperatureIsMissing() =>
        Assert.Contains("Temperature: n/a", WeatherText.Period(new ForecastPeriod("Now", null, "", "", "", "")), StringComparison.Ordinal);
}
