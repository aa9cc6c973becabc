using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol.Protocol;

namespace Shared.Json;

/// <summary>A tool result with text for the model and the same data as structured content.</summary>
internal static class StructuredToolResult
{
    /// <summary>
    /// Serialises through the type's metadata from <paramref name="options"/> (the options the output schema was built
    /// from, so the two agree). Asking the options for the metadata, rather than serialising with the options, needs
    /// no reflection: the result is the same and stays correct when the server is trimmed or compiled with NativeAOT.
    /// </summary>
    public static CallToolResult Create<T>(string text, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }],
            StructuredContent = JsonSerializer.SerializeToElement(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T))),
        };
    }
}
