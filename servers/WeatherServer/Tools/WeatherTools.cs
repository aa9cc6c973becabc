using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Shared.Json;
using WeatherServer.Nws;

namespace WeatherServer.Tools;

/// <summary>The weather tools: US National Weather Service alerts and forecasts.</summary>
[McpServerToolType]
public sealed class WeatherTools(NwsClient nws)
{
    /// <summary>How many forecast periods (day / night halves) get_forecast reports: about two and a half days.</summary>
    public const int ForecastPeriods = 5;

    [McpServerTool(Name = "get_alerts", Title = "Weather alerts", ReadOnly = true, OpenWorld = true, Idempotent = true,
        UseStructuredContent = true, OutputSchemaType = typeof(AlertsReport))]
    [Description("Active weather alerts (warnings, watches, advisories) from the US National Weather Service for a US state or territory.")]
    public async Task<CallToolResult> GetAlertsAsync(
        [Description("Two-letter US state or territory code, e.g. CA, TX, NY, PR.")] string state,
        CancellationToken cancellationToken)
    {
        // Bad input is answered as a tool error without throwing (see UsStates.TryNormalize).
        if (!UsStates.TryNormalize(state, out var code))
        {
            return InputError(UsStates.Unknown(state));
        }

        JsonElement collection;
        try
        {
            collection = await nws.GetJsonAsync($"/alerts/active/area/{code}", cancellationToken);
        }
        catch (NwsProblemException ex)
        {
            throw new McpException($"The National Weather Service could not list alerts for {code}: {ex.Describe()}");
        }

        var alerts = NwsReader.ReadAlerts(collection);
        var report = new AlertsReport(code, alerts.Count, alerts);
        return Result(WeatherText.Alerts(report), report);
    }

    [McpServerTool(Name = "get_forecast", Title = "Weather forecast", ReadOnly = true, OpenWorld = true, Idempotent = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ForecastReport))]
    [Description("Weather forecast for a location in the United States (the US National Weather Service covers only the US and its territories).")]
    public async Task<CallToolResult> GetForecastAsync(
        [Description("Latitude in degrees, -90 to 90 (north positive).")] double latitude,
        [Description("Longitude in degrees, -180 to 180 (west negative; the continental US is about -125 to -66).")] double longitude,
        CancellationToken cancellationToken)
    {
        if (Coordinates.Problem(latitude, longitude) is { } problem)
        {
            return InputError(problem);
        }

        var point = Coordinates.Format(latitude, longitude);

        JsonElement pointInfo;
        try
        {
            pointInfo = await nws.GetJsonAsync($"/points/{point}", cancellationToken);
        }
        catch (NwsProblemException ex) when (ex.Status == System.Net.HttpStatusCode.NotFound)
        {
            throw new McpException(
                $"No forecast for {point}: {ex.Describe()}. The National Weather Service covers only the United States and its territories; check the coordinates (latitude first, US longitudes are negative).");
        }
        catch (NwsProblemException ex)
        {
            throw new McpException($"The National Weather Service rejected the point {point}: {ex.Describe()}");
        }

        // NWS says which office and grid cell forecasts a point; following its link keeps that NWS's business.
        var forecastUrl = NwsReader.ReadForecastUrl(pointInfo)
            ?? throw new McpException($"The National Weather Service has no forecast link for {point}; it may be offshore or outside a forecast area.");

        JsonElement forecast;
        try
        {
            forecast = await nws.GetJsonAsync(forecastUrl, cancellationToken);
        }
        catch (NwsProblemException ex)
        {
            throw new McpException($"The National Weather Service could not produce a forecast for {point}: {ex.Describe()}. Try again in a minute.");
        }

        var periods = NwsReader.ReadPeriods(forecast, ForecastPeriods);
        if (periods.Count == 0)
        {
            throw new McpException($"The National Weather Service returned no forecast periods for {point}; try again in a minute.");
        }

        var report = new ForecastReport(NwsReader.ReadPlaceName(pointInfo) ?? point, latitude, longitude, periods);
        return Result(WeatherText.Forecast(report), report);
    }

    private static CallToolResult InputError(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };

    private static CallToolResult Result<T>(string text, T structured) =>
        StructuredToolResult.Create(text, structured, WeatherJsonContext.ToolOptions);
}
