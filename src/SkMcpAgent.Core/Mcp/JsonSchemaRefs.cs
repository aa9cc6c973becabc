using System.Text.Json;
using System.Text.Json.Nodes;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// Inlines a tool schema's local references (<c>{"$ref": "#/$defs/Address"}</c>, as Pydantic and zod emit them).
/// Semantic Kernel rebuilds a function's schema from its parameters alone, so top-level <c>$defs</c> do not reach
/// the model and every reference into them would dangle; inlined, each parameter's schema stands on its own.
/// </summary>
internal static class JsonSchemaRefs
{
    // A recursive type (a tree of nodes) is cut here: deeper levels become a plain object.
    private const int MaxDepth = 6;

    /// <summary>The schema with local references inlined, or the schema itself when it has none.</summary>
    public static JsonElement Inline(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.GetRawText().Contains("\"$ref\"", StringComparison.Ordinal))
        {
            return schema;
        }

        var root = JsonNode.Parse(schema.GetRawText())!.AsObject();
        var definitions = Definitions(root);
        if (definitions.Count == 0)
        {
            return schema;
        }

        var inlined = (JsonObject)Resolve(root, definitions, 0)!;
        inlined.Remove("$defs");
        inlined.Remove("definitions");
        return JsonSerializer.SerializeToElement(inlined, McpSchemaJsonContext.Default.JsonObject);
    }

    private static Dictionary<string, JsonNode?> Definitions(JsonObject root)
    {
        var definitions = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var key in new[] { "$defs", "definitions" })
        {
            if (root[key] is JsonObject defs)
            {
                foreach (var (name, definition) in defs)
                {
                    definitions[$"#/{key}/{name}"] = definition;
                }
            }
        }

        return definitions;
    }

    private static JsonNode? Resolve(JsonNode? node, Dictionary<string, JsonNode?> definitions, int depth)
    {
        switch (node)
        {
            case JsonObject obj when obj["$ref"] is JsonValue reference && reference.TryGetValue(out string? target) && definitions.TryGetValue(target, out var definition):
                var resolved = depth < MaxDepth ? Resolve(definition, definitions, depth + 1) : new JsonObject { ["type"] = "object" };
                if (resolved is JsonObject resolvedObject)
                {
                    // Keywords beside the reference (a description, say) win over the definition's.
                    foreach (var (key, value) in obj)
                    {
                        if (key != "$ref")
                        {
                            resolvedObject[key] = value?.DeepClone();
                        }
                    }
                }

                return resolved;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = key is "$defs" or "definitions" ? value?.DeepClone() : Resolve(value, definitions, depth);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Resolve(item, definitions, depth))]);
            default:
                return node?.DeepClone();
        }
    }
}
