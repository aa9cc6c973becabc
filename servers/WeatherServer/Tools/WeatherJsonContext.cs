using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace WeatherServer.Tools;

/// <summary>
/// Source-generated JSON metadata for the tools' structured results: building the output schemas by reflection
/// costs start-up time. <see cref="ToolOptions"/> serves both the output schemas and the structured content, so the
/// two agree. Nulls are written: the output schemas list every property as required (nullable ones as "or null").
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AlertsReport))]
[JsonSerializable(typeof(ForecastReport))]
internal sealed partial class WeatherJsonContext : JsonSerializerContext
{
    /// <summary>The MCP SDK's options with this context first.</summary>
    // Built on first use: a static initialiser here could run before the generated Default exists.
    public static JsonSerializerOptions ToolOptions => s_toolOptions ??= CreateToolOptions();

    private static JsonSerializerOptions? s_toolOptions;

    private static JsonSerializerOptions CreateToolOptions()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.TypeInfoResolverChain.Insert(0, Default);
        options.MakeReadOnly();
        return options;
    }
}
