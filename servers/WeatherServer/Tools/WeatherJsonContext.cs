using System.Text.Json;
using System.Text.Json.Serialization;
using Shared.Json;

namespace WeatherServer.Tools;

/// <summary>
/// Source-generated JSON metadata for the tools' structured results: building the output schemas by reflection
/// costs start-up time.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AlertsReport))]
[JsonSerializable(typeof(ForecastReport))]
internal sealed partial class WeatherJsonContext : JsonSerializerContext
{
    /// <summary>The options for tool schemas and structured content (<see cref="ToolJsonOptions"/>).</summary>
    // Built on first use: a static initialiser here could run before the generated Default exists.
    public static JsonSerializerOptions ToolOptions => s_toolOptions ??= ToolJsonOptions.Create(Default);

    private static JsonSerializerOptions? s_toolOptions;
}
