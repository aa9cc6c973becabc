using System.Text.Json;

namespace WeatherServer.Tools;

/// <summary>Picks the fields the tools report out of NWS GeoJSON, tolerating missing and null values.</summary>
public static class NwsReader
{
    public static IReadOnlyList<WeatherAlert> ReadAlerts(JsonElement collection)
    {
        var alerts = new List<WeatherAlert>();
        if (!collection.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            return alerts;
        }

        foreach (var feature in features.EnumerateArray())
        {
            if (!feature.TryGetProperty("properties", out var p))
            {
                continue;
            }

            alerts.Add(new WeatherAlert(
                Event: String(p, "event") ?? "Unknown event",
                Area: String(p, "areaDesc") ?? "Unknown area",
                Severity: String(p, "severity") ?? "Unknown",
                Headline: String(p, "headline"),
                Description: String(p, "description"),
                Instructions: String(p, "instruction")));
        }

        return alerts;
    }

    /// <summary>The forecast URL NWS links from a points response, or null when it has none.</summary>
    public static string? ReadForecastUrl(JsonElement point) =>
        point.TryGetProperty("properties", out var p) ? String(p, "forecast") : null;

    /// <summary>"Austin, TX" from <c>relativeLocation</c>; null when absent.</summary>
    public static string? ReadPlaceName(JsonElement point)
    {
        if (!point.TryGetProperty("properties", out var p)
            || !p.TryGetProperty("relativeLocation", out var location)
            || !location.TryGetProperty("properties", out var place))
        {
            return null;
        }

        var city = String(place, "city");
        var state = String(place, "state");
        return (city, state) switch
        {
            (null, null) => null,
            (null, _) => state,
            (_, null) => city,
            _ => $"{city}, {state}",
        };
    }

    public static IReadOnlyList<ForecastPeriod> ReadPeriods(JsonElement forecast, int count)
    {
        var periods = new List<ForecastPeriod>();
        if (!forecast.TryGetProperty("properties", out var p)
            || !p.TryGetProperty("periods", out var items)
            || items.ValueKind != JsonValueKind.Array)
        {
            return periods;
        }

        foreach (var period in items.EnumerateArray().Take(count))
        {
            int? temperature = period.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null;
            var wind = $"{String(period, "windSpeed")} {String(period, "windDirection")}".Trim();
            periods.Add(new ForecastPeriod(
                Name: String(period, "name") is { Length: > 0 } name ? name : String(period, "startTime") ?? "",
                Temperature: temperature,
                TemperatureUnit: String(period, "temperatureUnit") ?? "",
                Wind: wind,
                ShortForecast: String(period, "shortForecast") ?? "",
                DetailedForecast: String(period, "detailedForecast") ?? ""));
        }

        return periods;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
