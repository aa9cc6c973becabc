using System.ComponentModel;
using ModelContextProtocol.Server;

namespace WeatherServer.Tools;

/// <summary>Reference data a client can show or give the model.</summary>
[McpServerResourceType]
public sealed class WeatherResources
{
    public const string StatesUri = "weather://states";

    [McpServerResource(UriTemplate = StatesUri, Name = "us_states", Title = "US state and territory codes", MimeType = "text/plain")]
    [Description("The two-letter codes get_alerts accepts, with their names.")]
    public static string States() =>
        string.Join('\n', UsStates.Names.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => $"{p.Key} {p.Value}"));
}
