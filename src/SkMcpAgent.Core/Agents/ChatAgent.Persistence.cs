using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Agents;

public sealed partial class ChatAgent
{
    private const string FileFormat = "skmcpagent.conversation";
    private const int FileVersion = 1;

    private static JsonTypeInfo<IList<ChatMessage>> MessagesTypeInfo =>
        (JsonTypeInfo<IList<ChatMessage>>)AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IList<ChatMessage>));

    /// <summary>
    /// Writes the conversation (without the system prompt, which belongs to the configuration) as indented JSON:
    /// roles, texts, function calls with their arguments, and the results the model read.
    /// </summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            var writerOptions = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            var writer = new Utf8JsonWriter(stream, writerOptions);
            await using (writer.ConfigureAwait(false))
            {
                writer.WriteStartObject();
                writer.WriteString("format", FileFormat);
                writer.WriteNumber("version", FileVersion);
                writer.WriteString("savedAt", DateTimeOffset.UtcNow);
                writer.WritePropertyName("messages");
                JsonSerializer.Serialize(writer, (IList<ChatMessage>)_history[SystemMessageCount..], MessagesTypeInfo);
                writer.WriteEndObject();
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Replaces the conversation with a saved one, keeping the current system prompt. On any problem the history is
    /// left as it was and a <see cref="ConversationFileException"/> says what is wrong with which file.
    /// </summary>
    public async Task LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        if (!File.Exists(path))
        {
            throw new ConversationFileException($"Cannot load the conversation: '{path}' does not exist.");
        }

        List<ChatMessage> messages;
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
                messages = ReadMessages(document.RootElement, path);
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

        HistoryRepair.AnswerDanglingCalls(messages);
        _history.RemoveRange(SystemMessageCount, _history.Count - SystemMessageCount);
        _history.AddRange(messages);
        LastUsage = null;
        _recorder.BeginTurn(default);
    }

    private static List<ChatMessage> ReadMessages(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object ||
            !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FileFormat)
        {
            throw new ConversationFileException($"Cannot load the conversation: '{path}' is not a saved conversation (expected \"format\": \"{FileFormat}\").");
        }

        if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number) || number != FileVersion)
        {
            throw new ConversationFileException($"Cannot load the conversation: '{path}' has an unsupported version (this agent reads version {FileVersion}).");
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

            // System messages belong to the current configuration, not to the saved conversation.
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
