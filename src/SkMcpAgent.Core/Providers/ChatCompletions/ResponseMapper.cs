using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAIChat = OpenAI.Chat;

namespace SkMcpAgent.Core.Providers.ChatCompletions;

/// <summary>Maps a Chat Completions result back: text, tool calls, finish reason, usage, ids.</summary>
internal static class ResponseMapper
{
    public static ChatResponse FromCompletion(OpenAIChat.ChatCompletion completion)
    {
        var message = new ChatMessage { Role = ChatRole.Assistant, MessageId = completion.Id, CreatedAt = completion.CreatedAt, RawRepresentation = completion };
        foreach (var part in completion.Content)
        {
            if (part.Kind == OpenAIChat.ChatMessageContentPartKind.Text)
            {
                message.Contents.Add(new TextContent(part.Text) { RawRepresentation = part });
            }
        }

        foreach (var call in completion.ToolCalls)
        {
            if (!string.IsNullOrWhiteSpace(call.FunctionName))
            {
                var content = ParseCall(call.FunctionArguments?.ToString(), call.Id, call.FunctionName);
                content.RawRepresentation = call;
                message.Contents.Add(content);
            }
        }

        if (completion.Refusal is { } refusal)
        {
            message.Contents.Add(new ErrorContent(refusal) { ErrorCode = "Refusal" });
        }

        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = FinishReason(completion.FinishReason),
            Usage = completion.Usage is { } usage ? Usage(usage) : null,
            RawRepresentation = completion,
        };
    }

    /// <summary>A call whose arguments are not a JSON object keeps the parse error in <see cref="FunctionCallContent.Exception"/>.</summary>
    public static FunctionCallContent ParseCall(string? argumentsJson, string callId, string name) =>
        FunctionCallContent.CreateFromParsedArguments(
            string.IsNullOrWhiteSpace(argumentsJson) ? "{}" : argumentsJson,
            callId,
            name,
            static json => (IDictionary<string, object?>?)JsonSerializer.Deserialize(
                json, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>))));

    public static ChatFinishReason? FinishReason(OpenAIChat.ChatFinishReason? reason) => reason switch
    {
        null => null,
        OpenAIChat.ChatFinishReason.Stop => ChatFinishReason.Stop,
        OpenAIChat.ChatFinishReason.Length => ChatFinishReason.Length,
        OpenAIChat.ChatFinishReason.ContentFilter => ChatFinishReason.ContentFilter,
        OpenAIChat.ChatFinishReason.ToolCalls or OpenAIChat.ChatFinishReason.FunctionCall => ChatFinishReason.ToolCalls,
        var other => new ChatFinishReason(other.ToString()!),
    };

    public static UsageDetails Usage(OpenAIChat.ChatTokenUsage usage) => new()
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
        CachedInputTokenCount = usage.InputTokenDetails?.CachedTokenCount,
        ReasoningTokenCount = usage.OutputTokenDetails?.ReasoningTokenCount,
    };
}
