using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;

// The legacy titled enum (enum + enumNames) is deprecated from 2025-11-25 on, but servers still send it
// (server-everything does); it is read like the others.
#pragma warning disable MCP9001

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
        ElicitRequestParams.LegacyTitledEnumSchema { Default: { } choice } => JsonSerializer.SerializeToElement(choice, McpSchemaJsonContext.Default.String),
        ElicitRequestParams.UntitledMultiSelectEnumSchema { Default: { } choices } => JsonSerializer.SerializeToElement(choices.ToArray(), McpSchemaJsonContext.Default.StringArray),
        ElicitRequestParams.TitledMultiSelectEnumSchema { Default: { } choices } => JsonSerializer.SerializeToElement(choices.ToArray(), McpSchemaJsonContext.Default.StringArray),
        _ => null,
    };

    /// <summary>A number as the field's type wants it: an integer field gets 3, not 3.0.</summary>
    public static JsonElement Number(double value, string type) =>
        JsonDocument.Parse(type == "integer" && value == Math.Floor(value)
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture)).RootElement.Clone();

    /// <summary>The options a choice field offers, as (value, label); empty for other fields.</summary>
    public static IReadOnlyList<(string Value, string Label)> Choices(ElicitRequestParams.PrimitiveSchemaDefinition field) => field switch
    {
        ElicitRequestParams.UntitledSingleSelectEnumSchema untitled => [.. untitled.Enum.Select(static v => (v, v))],
        ElicitRequestParams.TitledSingleSelectEnumSchema titled => [.. titled.OneOf.Select(static o => (o.Const, o.Title))],
        ElicitRequestParams.UntitledMultiSelectEnumSchema many => [.. many.Items.Enum.Select(static v => (v, v))],
        ElicitRequestParams.TitledMultiSelectEnumSchema many => [.. many.Items.AnyOf.Select(static o => (o.Const, o.Title))],
        ElicitRequestParams.LegacyTitledEnumSchema legacy => [.. legacy.Enum.Select((v, i) => (v, legacy.EnumNames is { } names && i < names.Count ? names[i] : v))],
        _ => [],
    };

    /// <summary>
    /// Reads what the user typed for a field: a number for a number field, y/n for a boolean, an option's number or
    /// value for a choice (comma-separated for several). Returns the error to show when the text does not fit.
    /// </summary>
    public static JsonElement? Parse(ElicitRequestParams.PrimitiveSchemaDefinition field, string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        text = text.Trim();
        switch (field)
        {
            case ElicitRequestParams.NumberSchema number:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    || (number.Type == "integer" && value != Math.Floor(value)))
                {
                    error = number.Type == "integer" ? "a whole number, please" : "a number, please";
                    return null;
                }

                if (value < number.Minimum || value > number.Maximum)
                {
                    error = $"between {number.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} and {number.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "∞"}, please";
                    return null;
                }

                return Number(value, number.Type);
            case ElicitRequestParams.BooleanSchema:
                bool? flag = text.ToUpperInvariant() switch
                {
                    "Y" or "YES" or "TRUE" => true,
                    "N" or "NO" or "FALSE" => false,
                    _ => null,
                };
                error = flag is null ? "y or n, please" : null;
                return flag is null ? null : JsonSerializer.SerializeToElement(flag.Value, McpSchemaJsonContext.Default.Boolean);
            case ElicitRequestParams.UntitledMultiSelectEnumSchema or ElicitRequestParams.TitledMultiSelectEnumSchema:
                var picked = new List<string>();
                foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (Choose(field, part) is not { } one)
                    {
                        error = $"'{part}' is not one of the options";
                        return null;
                    }

                    picked.Add(one);
                }

                return JsonSerializer.SerializeToElement(picked.ToArray(), McpSchemaJsonContext.Default.StringArray);
            case ElicitRequestParams.StringSchema str:
                if (text.Length < str.MinLength || text.Length > str.MaxLength)
                {
                    error = $"{str.MinLength ?? 0} to {str.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "any number of"} characters, please";
                    return null;
                }

                return JsonSerializer.SerializeToElement(text, McpSchemaJsonContext.Default.String);
            default:
                if (Choices(field).Count > 0)
                {
                    var choice = Choose(field, text);
                    error = choice is null ? "one of the options (its number or its value), please" : null;
                    return choice is null ? null : JsonSerializer.SerializeToElement(choice, McpSchemaJsonContext.Default.String);
                }

                return JsonSerializer.SerializeToElement(text, McpSchemaJsonContext.Default.String);
        }
    }

    /// <summary>An option picked by its 1-based number, its value or its label.</summary>
    private static string? Choose(ElicitRequestParams.PrimitiveSchemaDefinition field, string text)
    {
        var choices = Choices(field);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1 && index <= choices.Count)
        {
            return choices[index - 1].Value;
        }

        return choices.FirstOrDefault(c => string.Equals(c.Value, text, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Label, text, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
