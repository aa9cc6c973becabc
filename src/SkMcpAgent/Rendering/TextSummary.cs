using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
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

    private static readonly JsonWriterOptions s_readableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <c>name=value, name=value</c>, each value short. Text stays as typed (<c>"Zürich"</c>, not <c>\u00FC</c>); only
    /// quotes and backslashes are escaped, and a cut never splits an escape or a surrogate pair.
    /// </summary>
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

            builder.Append(name).Append('=').Append(Shorten(FormatValue(value), 40));
        }

        return Shorten(builder.ToString(), max);
    }

    public static string FormatValue(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        JsonElement { ValueKind: JsonValueKind.String } e => Quote(e.GetString()!),
        JsonElement e => Readable(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // The element written as it is (no serializer, so no contract to resolve), with text left readable.
    private static string Readable(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_readableJson))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Like <see cref="OneLine"/>, but the cut moves back to before an escape (<c>\"</c>, <c>\uXXXX</c>) it would split.</summary>
    private static string Shorten(string text, int max)
    {
        var flat = OneLine(text, int.MaxValue);
        if (flat.Length <= max)
        {
            return flat;
        }

        var end = max - 1;
        for (var i = 0; i < end; i++)
        {
            if (flat[i] != '\\' || i + 1 >= flat.Length)
            {
                continue;
            }

            var length = flat[i + 1] == 'u' ? 6 : 2;
            if (i + length > end)
            {
                end = i;
                break;
            }

            i += length - 1;
        }

        if (end > 0 && char.IsHighSurrogate(flat[end - 1]))
        {
            end--;
        }

        return string.Concat(flat.AsSpan(0, end), "…");
    }

    /// <summary>A duration as a user reads it: 850 ms, 1.2 s.</summary>
    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds < 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:F0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:F1} s");
}
