using System.Text;

namespace WeatherServer.Tools;

/// <summary>The readable text the tools return beside their structured content.</summary>
public static class WeatherText
{
    private const string Separator = "\n---\n";

    public static string Alerts(AlertsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var stateName = UsStates.Names.GetValueOrDefault(report.State, report.State);
        if (report.Count == 0)
        {
            return $"No active weather alerts for {stateName} ({report.State}).";
        }

        var header = $"{report.Count} active weather alert{(report.Count == 1 ? "" : "s")} for {stateName} ({report.State}):\n\n";
        return header + string.Join(Separator, report.Alerts.Select(Alert));
    }

    public static string Alert(WeatherAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var text = new StringBuilder()
            .Append("Event: ").AppendLine(alert.Event)
            .Append("Area: ").AppendLine(alert.Area)
            .Append("Severity: ").AppendLine(alert.Severity)
            .Append("Description: ").AppendLine(Clean(alert.Description) ?? "No description available")
            .Append("Instructions: ").Append(Clean(alert.Instructions) ?? "No specific instructions provided");
        return text.ToString();
    }

    public static string Forecast(ForecastReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var header = $"Forecast for {report.Location}:\n\n";
        return header + string.Join(Separator, report.Periods.Select(Period));
    }

    public static string Period(ForecastPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var temperature = period.Temperature is { } t ? $"{t}°{period.TemperatureUnit}" : "n/a";
        return $"{period.Name}:\nTemperature: {temperature}\nWind: {period.Wind}\nForecast: {period.DetailedForecast}";
    }

    // NWS wraps alert text at ~70 columns; joining the lines reads better in a chat.
    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\n\n", "\u0000", StringComparison.Ordinal)
            .Replace('\n', ' ').Replace("\u0000", "\n", StringComparison.Ordinal).Trim();
}
