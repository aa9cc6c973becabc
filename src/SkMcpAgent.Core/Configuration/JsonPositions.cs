using System.Text;
using System.Text.Json;

namespace SkMcpAgent.Core.Configuration;

/// <summary>
/// Where each value of a JSON document starts (1-based line and column), keyed by its path such as
/// <c>/mcpServers/disk/args/0</c>. <see cref="JsonDocument"/> forgets positions, but error messages need them.
/// </summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    private JsonPositions()
    {
    }

    public static JsonPositions Build(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var map = new JsonPositions();
        var reader = new Utf8JsonReader(utf8, options);
        var containers = new Stack<(string Path, bool IsArray, int NextIndex)>();
        string? propertyName = null;

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                propertyName = reader.GetString();
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.Pop();
                continue;
            }

            string path;
            if (containers.Count == 0)
            {
                path = string.Empty;
            }
            else
            {
                var (parentPath, isArray, nextIndex) = containers.Pop();
                path = parentPath + "/" + (isArray ? nextIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) : propertyName);
                containers.Push((parentPath, isArray, isArray ? nextIndex + 1 : nextIndex));
            }

            map._positions[path] = ToLineAndColumn(utf8, (int)reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }

        return map;
    }

    /// <summary>The position of the value at <paramref name="path"/>, or of its nearest known parent.</summary>
    public (int Line, int Column) Find(string path)
    {
        for (var candidate = path; ; candidate = candidate[..candidate.LastIndexOf('/')])
        {
            if (_positions.TryGetValue(candidate, out var position))
            {
                return position;
            }

            if (candidate.Length == 0)
            {
                return (1, 1);
            }
        }
    }

    private static (int Line, int Column) ToLineAndColumn(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
