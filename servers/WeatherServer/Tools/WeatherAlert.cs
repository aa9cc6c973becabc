namespace WeatherServer.Tools;

/// <summary>One active alert, as get_alerts reports it.</summary>
public sealed record WeatherAlert(string Event, string Area, string Severity, string? Headline, string? Description, string? Instructions);
