namespace WeatherServer.Tools;

/// <summary>get_forecast's structured result: the place NWS names for the point and its next periods.</summary>
public sealed record ForecastReport(string Location, double Latitude, double Longitude, IReadOnlyList<ForecastPeriod> Periods);
