using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;

namespace SkMcpAgent.Core.Conversations;

/// <summary>
/// The saved-conversation format (<c>/save</c>, <c>/load</c> and the automatic history alike): one indented JSON
/// object, its header first (format, version, save time and, for the history, id, folder, creation time, title,
/// turns, provider and model), then the messages: roles, texts, function calls with their arguments and the results
/// the model read. The header comes first so a listing reads only the start of each file.
/// </summary>
public static partial class ConversationFile
{
    public const string Format = "skmcpagent.conversation";
    public const int Version = 1;

    /// <summary>Titles are the first question cut to this many characters.</summary>
    public const int MaxTitleLength = 120;

    private static JsonTypeInfo<IList<ChatMessage>> MessagesTypeInfo =>
        (JsonTypeInfo<IList<ChatMessage>>)AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IList<ChatMessage>));

    /// <summary>
    /// Writes the conversation to <paramref name="path"/> atomically and readable by the owner only: the whole file
    /// goes to a private temporary file beside it, is flushed to disk, then renamed over the old one, so a crash or a
    /// Ctrl+C leaves the previous version or the new one, never half a file.
    /// </summary>
    /// <param name="info">The history's header fields; null for a plain <c>/save</c>.</param>
    public static async Task WriteAsync(string path, ConversationInfo? info, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(messages);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await PrivateFile.WriteAtomicallyAsync(path, (stream, token) => WriteAsync(stream, info, messages, token), cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(Stream stream, ConversationInfo? info, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var writerOptions = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var writer = new Utf8JsonWriter(stream, writerOptions);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteNumber("version", Version);
            writer.WriteString("savedAt", info?.UpdatedAt ?? DateTimeOffset.UtcNow);
            if (info is not null)
            {
                writer.WriteString("id", info.Id);
                writer.WriteString("folder", info.Folder);
                writer.WriteString("createdAt", info.CreatedAt);
                writer.WriteString("title", info.Title);
                writer.WriteNumber("turns", info.Turns);
                writer.WriteString("provider", info.Provider);
                writer.WriteString("model", info.Model);
            }

            writer.WritePropertyName("messages");
            JsonSerializer.Serialize(writer, (IList<ChatMessage>)[.. messages], MessagesTypeInfo);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first question of <paramref name="messages"/> on one line, cut to <see cref="MaxTitleLength"/>.</summary>
    public static string TitleOf(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var first = messages.FirstOrDefault(static m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        var flat = string.Join(' ', first.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= MaxTitleLength ? flat : string.Concat(flat.AsSpan(0, MaxTitleLength - 1), "…");
    }

    /// <summary>How many questions the user asked in <paramref name="messages"/>.</summary>
    public static int TurnsOf(IEnumerable<ChatMessage> messages) => messages.Count(static m => m.Role == ChatRole.User);

    /// <summary>
    /// Reads a saved conversation's messages, without its system messages (they belong to the current configuration).
    /// Any problem is a <see cref="ConversationFileException"/> naming the file and what is wrong.
    /// </summary>
    public static async Task<List<ChatMessage>> ReadMessagesAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ConversationFileException($"Cannot load the conversation: '{path}' does not exist.");
        }

        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
                return ReadMessages(document.RootElement, path);
            }
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : string.Empty;
            throw new ConversationFileException($"Cannot load the conversation: '{path}' is not valid JSON{where}.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConversationFileException($"Cannot load the conversation: '{path}' cannot be read ({ex.Message}).", ex);
        }
    }

    private static List<ChatMessage> ReadMessages(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object ||
            !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
        {
            throw new ConversationFileException($"Cannot load the conversation: '{path}' is not a saved conversation (expected \"format\": \"{Format}\").");
        }

        if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number) || number != Version)
        {
            throw new ConversationFileException($"Cannot load the conversation: '{path}' has an unsupported version (this agent reads version {Version}).");
        }

        if (!root.TryGetProperty("messages", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new ConversationFileException($"Cannot load the conversation: '{path}' has no \"messages\" array.");
        }

        List<ChatMessage> messages = [];
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var message = element.Deserialize(AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatMessage))) as ChatMessage;
            if (message is null || !element.TryGetProperty("role", out _))
            {
                throw new ConversationFileException($"Cannot load the conversation: message {index} in '{path}' has no role.");
            }

            if (message.Role != ChatRole.System)
            {
                messages.Add(Normalise(message));
            }

            index++;
        }

        return messages;
    }

    // Results come back as JSON strings; providers expect the plain text the model originally read.
    private static ChatMessage Normalise(ChatMessage message)
    {
        foreach (var result in message.Contents.OfType<FunctionResultContent>())
        {
            if (result.Result is JsonElement { ValueKind: JsonValueKind.String } text)
            {
                result.Result = text.GetString();
            }
        }

        return message;
    }
}
