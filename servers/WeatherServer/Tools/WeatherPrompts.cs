using System.ComponentModel;
using ModelContextProtocol.Server;

namespace WeatherServer.Tools;

/// <summary>A ready-made request that uses both tools.</summary>
[McpServerPromptType]
public sealed class WeatherPrompts
{
    [McpServerPrompt(Name = "weather_briefing", Title = "Weather briefing")]
    [Description("Asks for a short weather briefing for a US place: the forecast plus any active alerts for its state.")]
    public static string WeatherBriefing([Description("A US place, e.g. 'Austin, TX'.")] string place) =>
        $"Give me a short weather briefing for {place}. Find its latitude and longitude, call get_forecast for them, "
        + "and call get_alerts for its state. Summarise the next day or two and any alerts in a few sentences.";
}
