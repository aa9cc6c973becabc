namespace WeatherServer.Tools;

/// <summary>get_alerts' structured result: the state asked for and its active alerts (none is a normal answer).</summary>
public sealed record AlertsReport(string State, int Count, IReadOnlyList<WeatherAlert> Alerts);
