using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAIChat = OpenAI.Chat;

namespace SkMcpAgent.Core.Providers.ChatCompletions;

/// <summary>Maps <see cref="ChatOptions"/> to Chat Completions options: sampling, output length, tools and tool choice.</summary>
internal static class OptionsMapper
{
    // Chat Completions wants an object schema even for a function without parameters.
    private static readonly BinaryData s_emptyObjectSchema = BinaryData.FromString("""{"type":"object","properties":{}}""");

    public static OpenAIChat.ChatCompletionOptions ToOpenAI(ChatOptions? options)
    {
        var result = new OpenAIChat.ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }

        result.Temperature = options.Temperature;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.TopP = options.TopP;
        result.FrequencyPenalty = options.FrequencyPenalty;
        result.PresencePenalty = options.PresencePenalty;
        foreach (var stop in options.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }

        foreach (var function in (options.Tools ?? []).OfType<AIFunctionDeclaration>())
        {
            result.Tools.Add(ToTool(function));
        }

        if (result.Tools.Count > 0)
        {
            result.AllowParallelToolCalls = options.AllowMultipleToolCalls;
            result.ToolChoice = options.ToolMode switch
            {
                NoneChatToolMode => OpenAIChat.ChatToolChoice.CreateNoneChoice(),
                RequiredChatToolMode { RequiredFunctionName: { } name } => OpenAIChat.ChatToolChoice.CreateFunctionChoice(name),
                RequiredChatToolMode => OpenAIChat.ChatToolChoice.CreateRequiredChoice(),
                _ => OpenAIChat.ChatToolChoice.CreateAutoChoice(),
            };
        }

        if (options.ResponseFormat is ChatResponseFormatJson)
        {
            result.ResponseFormat = OpenAIChat.ChatResponseFormat.CreateJsonObjectFormat();
        }

        return result;
    }

    internal static OpenAIChat.ChatTool ToTool(AIFunctionDeclaration function)
    {
        var schema = function.JsonSchema.ValueKind == JsonValueKind.Object
            ? BinaryData.FromString(function.JsonSchema.GetRawText())
            : s_emptyObjectSchema;
        return OpenAIChat.ChatTool.CreateFunctionTool(function.Name, function.Description, schema);
    }
}
