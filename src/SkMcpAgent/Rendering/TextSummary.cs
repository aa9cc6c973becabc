using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SkMcpAgent.Rendering;

/// <summary>Short one-line forms of arguments and results for traces.</summary>
public static class TextSummary
{
    /// <summary>The first line of <paramref name="text"/>, cut to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string OneLine(string? text, int max = 100)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var flat = text.ReplaceLineEndings(" ").Trim();
        while (flat.Contains("  ", StringComparison.Ordinal))
        {
            flat = flat.Replace("  ", " ", StringComparison.Ordinal);
        }

        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }

    /// <summary><c>name=value, name=value</c>, each value short.</summary>
    public static string Arguments(IReadOnlyDictionary<string, object?>? arguments, int max = 80)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var (name, value) in arguments)
        {
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            builder.Append(name).Append('=').Append(OneLine(FormatValue(value), 40));
        }

        return OneLine(builder.ToString(), max);
    }

    public static string FormatValue(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        JsonElement { ValueKind: JsonValueKind.String } e => JsonSerializer.Serialize(e.GetString()),
        JsonElement e => e.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A duration as a user reads it: 850 ms, 1.2 s.</summary>
    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds < 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:F0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:F1} s");
}
