using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAIChat = OpenAI.Chat;

namespace SkMcpAgent.Core.Providers.ChatCompletions;

/// <summary>Maps Microsoft.Extensions.AI messages to Chat Completions messages (system, user, assistant with tool calls, tool).</summary>
internal static class MessageMapper
{
    // The library's defaults indent JSON; arguments and results go to the model, where whitespace only costs tokens.
    private static readonly JsonSerializerOptions s_compact = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    public static List<OpenAIChat.ChatMessage> ToOpenAI(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var result = new List<OpenAIChat.ChatMessage>();
        if (!string.IsNullOrWhiteSpace(options?.Instructions))
        {
            result.Add(new OpenAIChat.SystemChatMessage(options.Instructions));
        }

        foreach (var message in messages)
        {
            if (message.RawRepresentation is OpenAIChat.ChatMessage raw)
            {
                result.Add(raw);
            }
            else if (message.Role == ChatRole.System)
            {
                result.Add(new OpenAIChat.SystemChatMessage(message.Text));
            }
            else if (message.Role == ChatRole.User)
            {
                result.Add(new OpenAIChat.UserChatMessage(ContentParts(message.Contents)));
            }
            else if (message.Role == ChatRole.Tool)
            {
                // One tool message per result: the API pairs each with its call by tool_call_id.
                foreach (var toolResult in message.Contents.OfType<FunctionResultContent>())
                {
                    result.Add(new OpenAIChat.ToolChatMessage(toolResult.CallId, ResultText(toolResult)));
                }
            }
            else if (message.Role == ChatRole.Assistant)
            {
                result.Add(ToAssistant(message));
            }
        }

        return result;
    }

    private static OpenAIChat.AssistantChatMessage ToAssistant(ChatMessage message)
    {
        var calls = message.Contents.OfType<FunctionCallContent>()
            .Select(c => OpenAIChat.ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name, SerializeArguments(c.Arguments)))
            .ToList();
        var text = message.Contents.OfType<TextContent>().Select(t => OpenAIChat.ChatMessageContentPart.CreateTextPart(t.Text)).ToList();

        if (text.Count == 0)
        {
            return calls.Count > 0 ? new OpenAIChat.AssistantChatMessage(calls) : new OpenAIChat.AssistantChatMessage(string.Empty);
        }

        var assistant = new OpenAIChat.AssistantChatMessage(text);
        foreach (var call in calls)
        {
            assistant.ToolCalls.Add(call);
        }

        return assistant;
    }

    private static List<OpenAIChat.ChatMessageContentPart> ContentParts(IEnumerable<AIContent> contents)
    {
        var parts = new List<OpenAIChat.ChatMessageContentPart>();
        foreach (var content in contents)
        {
            switch (content)
            {
                case TextContent text:
                    parts.Add(OpenAIChat.ChatMessageContentPart.CreateTextPart(text.Text));
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    parts.Add(OpenAIChat.ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(data.Data), data.MediaType));
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    parts.Add(OpenAIChat.ChatMessageContentPart.CreateImagePart(uri.Uri));
                    break;
            }
        }

        if (parts.Count == 0)
        {
            parts.Add(OpenAIChat.ChatMessageContentPart.CreateTextPart(string.Empty));
        }

        return parts;
    }

    private static BinaryData SerializeArguments(IDictionary<string, object?>? arguments) =>
        BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(
            arguments ?? new Dictionary<string, object?>(),
            s_compact.GetTypeInfo(typeof(IDictionary<string, object?>))));

    private static string ResultText(FunctionResultContent result) => result.Result switch
    {
        null => result.Exception is { } ex ? $"Error: {ex.Message}" : string.Empty,
        string text => text,
        JsonElement element => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText(),
        var other => JsonSerializer.Serialize(other, s_compact.GetTypeInfo(typeof(object))),
    };
}
