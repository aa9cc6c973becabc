using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SkMcpAgent.Core.Serialization;

namespace SkMcpAgent.Core.Chat;

/// <summary>
/// A small check of the model's arguments against a function's JSON schema before the call: required
/// properties, basic JSON types, enums, and unknown properties when the schema forbids them. Enough to turn the
/// usual mistakes into a message the model can act on instead of an obscure failure deep inside a server.
/// </summary>
internal static class FunctionArgumentValidator
{
    // Arguments are JsonElements when they come from the model; other values are written by their run-time type.
    private static readonly JsonTypeInfo<object?> s_anyValue = RuntimeJson.Default.TypeInfo<object?>();

    /// <summary>The problems found, or null when the arguments fit.</summary>
    public static IReadOnlyList<string>? Validate(JsonElement schema, IDictionary<string, object?>? arguments)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        List<string>? problems = null;
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        HashSet<string>? required = null;

        if (schema.TryGetProperty("required", out var requiredNames) && requiredNames.ValueKind == JsonValueKind.Array)
        {
            required = [];
            foreach (var entry in requiredNames.EnumerateArray())
            {
                if (entry.GetString() is { } name && required.Add(name) && (arguments is null || !arguments.ContainsKey(name)))
                {
                    (problems ??= []).Add($"missing required '{name}'{ExpectedSuffix(properties, name)}");
                }
            }
        }

        if (arguments is null)
        {
            return problems;
        }

        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var (name, value) in arguments)
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var propertySchema))
            {
                if (CheckValue(name, propertySchema, value, required?.Contains(name) == true) is { } problem)
                {
                    (problems ??= []).Add(problem);
                }
            }
            else if (closed)
            {
                (problems ??= []).Add($"unknown property '{name}'{KnownSuffix(properties)}");
            }
        }

        return problems;
    }

    private static string? CheckValue(string name, JsonElement schema, object? value, bool isRequired)
    {
        var element = ToElement(value);
        if (element.ValueKind == JsonValueKind.Null && !isRequired)
        {
            return null; // Models send null for optional parameters they mean to leave out.
        }

        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, element))
        {
            return $"'{name}' must be {Describe(type)}, got {Describe(element.ValueKind)}";
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array &&
            !allowed.EnumerateArray().Any(option => JsonElement.DeepEquals(option, element)))
        {
            return $"'{name}' must be one of {string.Join(", ", allowed.EnumerateArray().Select(static o => o.GetRawText()))}";
        }

        return null;
    }

    private static JsonElement ToElement(object? value) =>
        value is JsonElement element ? element : JsonSerializer.SerializeToElement(value, s_anyValue);

    private static bool MatchesType(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => Matches(type.GetString(), value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => Matches(t.GetString(), value)),
        _ => true,
    };

    private static bool Matches(string? type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number &&
            (value.TryGetInt64(out _) || (value.TryGetDouble(out var d) && Math.Floor(d) == d)),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true, // A type this small check does not know is the function's business.
    };

    private static string Describe(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? string.Join(" or ", type.EnumerateArray().Select(static t => Article(t.GetString())))
        : Article(type.GetString());

    private static string Article(string? type) => type switch
    {
        "integer" or "object" or "array" => $"an {type}",
        "null" => "null",
        _ => $"a {type}",
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    private static string ExpectedSuffix(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var schema) && schema.TryGetProperty("type", out var type)
            ? $" ({Describe(type)})"
            : string.Empty;

    private static string KnownSuffix(JsonElement properties) =>
        properties.ValueKind == JsonValueKind.Object
            ? $" (known: {string.Join(", ", properties.EnumerateObject().Select(static p => p.Name))})"
            : string.Empty;
}
