using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace SkMcpAgent.Core.Mcp;

/// <summary>What the agent can tell about an elicitation form without asking anyone.</summary>
public static class ElicitationForms
{
    /// <summary>The form filled with its defaults; null when some field has no default (someone has to answer it).</summary>
    public static Dictionary<string, JsonElement>? DefaultsOnly(ElicitRequestParams request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, field) in request.RequestedSchema?.Properties ?? new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>())
        {
            if (DefaultOf(field) is not { } value)
            {
                return null;
            }

            content[name] = value;
        }

        return content;
    }

    /// <summary>The field's default as JSON, or null when it has none.</summary>
    public static JsonElement? DefaultOf(ElicitRequestParams.PrimitiveSchemaDefinition field) => field switch
    {
        ElicitRequestParams.StringSchema { Default: { } text } => JsonSerializer.SerializeToElement(text, McpSchemaJsonContext.Default.String),
        ElicitRequestParams.NumberSchema { Default: { } number } field2 => Number(number, field2.Type),
        ElicitRequestParams.BooleanSchema { Default: { } flag } => JsonSerializer.SerializeToElement(flag, McpSchemaJsonContext.Default.Boolean),
        ElicitRequestParams.UntitledSingleSelectEnumSchema { Default: { } choice } => JsonSerializer.SerializeToElement(choice, McpSchemaJsonContext.Default.String),
        ElicitRequestParams.TitledSingleSelectEnumSchema { Default: { } choice } => JsonSerializer.SerializeToElement(choice, McpSchemaJsonContext.Default.String),
        ElicitRequestParams.UntitledMultiSelectEnumSchema { Default: { } choices } => JsonSerializer.SerializeToElement(choices.ToArray(), McpSchemaJsonContext.Default.StringArray),
        ElicitRequestParams.TitledMultiSelectEnumSchema { Default: { } choices } => JsonSerializer.SerializeToElement(choices.ToArray(), McpSchemaJsonContext.Default.StringArray),
        _ => null,
    };

    /// <summary>A number as the field's type wants it: an integer field gets 3, not 3.0.</summary>
    public static JsonElement Number(double value, string type) =>
        JsonDocument.Parse(type == "integer" && value == Math.Floor(value)
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture)).RootElement.Clone();
}
