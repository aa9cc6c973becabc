using System.Globalization;
using System.Text.Json;
using SkMcpAgent.Core.Agents;

namespace SkMcpAgent.Core.Conversations;

public static partial class ConversationFile
{
    /// <summary>What is read of a file first: a header (id, folder, times, a title of at most 120 characters) fits.</summary>
    private const int HeaderGuess = 4 * 1024;

    /// <summary>The most of a file read for its header, for a header with a long working folder path.</summary>
    private const int HeaderLimit = 64 * 1024;

    /// <summary>
    /// Reads a history file's header (the fields before <c>"messages"</c>) without reading its messages: the first
    /// 4 KiB, else up to 64 KiB; a file that small is checked whole. A file that is not a history entry of this agent
    /// (not JSON, cut short, another format, no or a malformed id) is a <see cref="ConversationFileException"/> saying why.
    /// </summary>
    public static ConversationInfo ReadInfo(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadInfo(path, HeaderGuess) ?? ReadInfo(path, HeaderLimit)
            ?? throw new ConversationFileException($"has no \"messages\" in its first {HeaderLimit / 1024} KiB");
    }

    /// <summary>The header from the first <paramref name="limit"/> bytes; null when it goes on past them.</summary>
    private static ConversationInfo? ReadInfo(string path, int limit)
    {
        byte[] buffer;
        int length;
        bool whole;
        try
        {
            using var stream = File.OpenRead(path);
            buffer = new byte[limit];
            length = stream.ReadAtLeast(buffer, limit, throwOnEndOfStream: false);
            whole = length < limit || stream.ReadByte() < 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConversationFileException($"cannot be read ({ex.Message})", ex);
        }

        try
        {
            return ParseHeader(buffer.AsSpan(0, length), whole, path);
        }
        catch (JsonException ex)
        {
            throw new ConversationFileException("is not valid JSON", ex);
        }
    }

    private static ConversationInfo? ParseHeader(ReadOnlySpan<byte> bytes, bool whole, string path)
    {
        var reader = new Utf8JsonReader(bytes, isFinalBlock: whole, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ConversationFileException("is not a JSON object");
        }

        var header = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            // Within the bytes read, a damaged file throws a JsonException; running out of them means reading more.
            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                throw new ConversationFileException("has no \"messages\" array");
            }

            var name = reader.GetString()!;
            if (!reader.Read())
            {
                return null;
            }

            if (name == "messages")
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new ConversationFileException("has no \"messages\" array");
                }

                // A small file is checked to its end: a truncated one is reported by the listing, not when it is resumed.
                if (whole)
                {
                    reader.Skip();
                }

                return ToInfo(header, path);
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                header[name] = reader.GetString();
            }
            else if (reader.TokenType == JsonTokenType.Number)
            {
                header[name] = reader.TryGetInt32(out var number) ? number : null;
            }
            else if (!reader.TrySkip())
            {
                return null;
            }
        }
    }

    private static ConversationInfo ToInfo(Dictionary<string, object?> header, string path)
    {
        if (header.GetValueOrDefault("format") as string != Format)
        {
            throw new ConversationFileException($"is not a saved conversation (expected \"format\": \"{Format}\")");
        }

        if (header.GetValueOrDefault("version") as int? != Version)
        {
            throw new ConversationFileException($"has an unsupported version (this agent reads version {Version})");
        }

        // The id names the file the conversation is saved to when it continues: only a GUID can be trusted with that.
        if (header.GetValueOrDefault("id") is not string id || !Guid.TryParseExact(id, "D", out _))
        {
            throw new ConversationFileException("has no conversation id (a file saved with /save, not by the history)");
        }

        if (header.GetValueOrDefault("folder") is not string folder || folder.Length == 0 ||
            !TryGetTime(header, "createdAt", out var created) || !TryGetTime(header, "savedAt", out var saved))
        {
            throw new ConversationFileException("lacks its folder, createdAt or savedAt");
        }

        return new ConversationInfo(
            id.ToLowerInvariant(),
            folder,
            created,
            saved,
            header.GetValueOrDefault("title") as string ?? string.Empty,
            header.GetValueOrDefault("turns") as int? ?? 0,
            header.GetValueOrDefault("provider") as string,
            header.GetValueOrDefault("model") as string,
            path);
    }

    private static bool TryGetTime(Dictionary<string, object?> header, string name, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(header.GetValueOrDefault(name) as string, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time);
}
