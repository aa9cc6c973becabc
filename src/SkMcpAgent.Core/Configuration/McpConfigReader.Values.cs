using System.Globalization;
using System.Text.Json;

namespace SkMcpAgent.Core.Configuration;

internal sealed partial class McpConfigReader
{
    private string? GetString(EntryContext context, string property, bool expand)
    {
        if (!context.Entry.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var path = context.Path + "/" + property;
        return value.ValueKind == JsonValueKind.String
            ? ExpandIf(expand, value.GetString()!, context, path)
            : throw Fail(path, $"server '{context.Name}': \"{property}\" must be a string.");
    }

    private List<string>? GetStringArray(EntryContext context, string property, bool expand)
    {
        if (!context.Entry.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var path = context.Path + "/" + property;
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(static item => item.ValueKind != JsonValueKind.String))
        {
            throw Fail(path, $"server '{context.Name}': \"{property}\" must be an array of strings.");
        }

        return value.EnumerateArray()
            .Select((item, index) => ExpandIf(expand, item.GetString()!, context, path + "/" + index.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    private Dictionary<string, string> GetStringMap(EntryContext context, string property)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!context.Entry.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        var path = context.Path + "/" + property;
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Fail(path, $"server '{context.Name}': \"{property}\" must be an object of string values.");
        }

        foreach (var item in value.EnumerateObject())
        {
            var itemPath = path + "/" + item.Name;
            var text = item.Value.ValueKind switch
            {
                JsonValueKind.String => item.Value.GetString()!,
                // Numbers and booleans are common in hand-written env blocks ("PORT": 8080); pass their JSON text.
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => item.Value.GetRawText(),
                _ => throw Fail(itemPath, $"server '{context.Name}': \"{property}.{item.Name}\" must be a string."),
            };
            map[item.Name] = ExpandIf(true, text, context, itemPath);
        }

        return map;
    }

    private bool? GetBool(EntryContext context, string property)
    {
        if (!context.Entry.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail(context.Path + "/" + property, $"server '{context.Name}': \"{property}\" must be true or false."),
        };
    }

    private TimeSpan? GetSeconds(EntryContext context, string property)
    {
        if (!context.Entry.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            throw Fail(context.Path + "/" + property, $"server '{context.Name}': \"{property}\" must be a positive number of seconds.");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private string ExpandIf(bool expand, string text, EntryContext context, string path)
    {
        if (!expand)
        {
            return text;
        }

        if (context.Disabled)
        {
            // A disabled server is never started: nobody is asked for its inputs, and a value that does not resolve
            // stays as written (shown by /servers and mcp list) instead of failing the whole list.
            return VariableExpander.Expand(text, LookupWithoutAsking, out _) ?? text;
        }

        return VariableExpander.Expand(text, Lookup, out var missing)
            ?? throw Fail(path, MissingMessage(context.Name, missing!));
    }
}
