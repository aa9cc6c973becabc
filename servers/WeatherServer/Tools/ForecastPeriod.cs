namespace WeatherServer.Tools;

/// <summary>One forecast period (e.g. "Tonight").</summary>
public sealed record ForecastPeriod(string Name, int? Temperature, string TemperatureUnit, string Wind, string ShortForecast, string DetailedForecast);
