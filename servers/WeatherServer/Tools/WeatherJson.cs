using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WeatherServer.Tools;

/// <summary>The serializer options used for both the tools' output schemas and their structured content, so the two agree.</summary>
public static class WeatherJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}
