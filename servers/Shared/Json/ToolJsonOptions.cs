using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace Shared.Json;

/// <summary>Serializer options for a server's tools: the MCP SDK's options with the server's generated metadata first.</summary>
internal static class ToolJsonOptions
{
    /// <summary>
    /// The same options serve the output schemas and the structured content, so the two agree. Nulls are written
    /// because the output schemas list every property as required (nullable ones as "or null").
    /// </summary>
    public static JsonSerializerOptions Create(IJsonTypeInfoResolver generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.TypeInfoResolverChain.Insert(0, generated);
        options.MakeReadOnly();
        return options;
    }
}
