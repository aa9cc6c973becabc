using System.Text.Json.Nodes;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>Reads what a provider's SDK put on the wire, in that provider's own format, failing when the shape is wrong.</summary>
public static class Wire
{
    /// <summary>The declared tool: OpenAI's <c>{"type":"function","function":{...}}</c> or Anthropic's <c>{"name",...}</c>.</summary>
    public static (string? Description, JsonNode? Schema) DeclaredTool(FakeLlmRequest request, string name)
    {
        if (request.Protocol == FakeLlmProtocol.Anthropic)
        {
            var tool = Assert.Single(request.Tools, t => Text(t?["name"]) == name)!;
            return (Text(tool["description"]), tool["input_schema"]);
        }

        var function = Assert.Single(request.Tools, t => Text(t?["type"]) == "function" && Text(t?["function"]?["name"]) == name)!["function"]!;
        return (Text(function["description"]), function["parameters"]);
    }

    /// <summary>The names of every declared tool.</summary>
    public static IReadOnlyList<string> DeclaredToolNames(FakeLlmRequest request) =>
        [.. request.Tools.Select(t => Text(request.Protocol == FakeLlmProtocol.Anthropic ? t?["name"] : t?["function"]?["name"]) ?? "")];

    /// <summary>
    /// The result sent for <paramref name="callId"/>: an OpenAI <c>role: tool</c> message with <c>tool_call_id</c>, or an
    /// Anthropic <c>tool_result</c> block with <c>tool_use_id</c> in a user message. Also checks that the assistant's
    /// call with that id is in the history before it, as both APIs require.
    /// </summary>
    public static string ToolResult(FakeLlmRequest request, string callId)
    {
        var messages = request.Messages.Select(m => m!).ToList();
        if (request.Protocol == FakeLlmProtocol.Anthropic)
        {
            var userIndex = messages.FindIndex(m => Text(m["role"]) == "user" && Blocks(m, "tool_result").Any(b => Text(b["tool_use_id"]) == callId));
            Assert.True(userIndex > 0, $"No tool_result block with tool_use_id '{callId}' in: {request.Body}");
            Assert.Contains(Blocks(messages[userIndex - 1], "tool_use"), b => Text(b["id"]) == callId);
            return ContentText(Blocks(messages[userIndex], "tool_result").Single(b => Text(b["tool_use_id"]) == callId)["content"]);
        }

        var toolIndex = messages.FindIndex(m => Text(m["role"]) == "tool" && Text(m["tool_call_id"]) == callId);
        Assert.True(toolIndex > 0, $"No role:tool message with tool_call_id '{callId}' in: {request.Body}");
        var assistant = messages[..toolIndex].Last(m => Text(m["role"]) == "assistant");
        Assert.Contains(assistant["tool_calls"]!.AsArray(), c => Text(c?["id"]) == callId);
        return ContentText(messages[toolIndex]["content"]);
    }

    /// <summary>How many messages carry tool results (Anthropic puts all results of a round in one user message).</summary>
    public static int ToolResultMessageCount(FakeLlmRequest request) => request.Protocol == FakeLlmProtocol.Anthropic
        ? request.Messages.Count(m => Text(m?["role"]) == "user" && Blocks(m!, "tool_result").Any())
        : request.Messages.Count(m => Text(m?["role"]) == "tool");

    public static string ExpectedPath(FakeLlmProtocol protocol) => protocol switch
    {
        FakeLlmProtocol.AzureOpenAI => "/openai/v1/chat/completions",
        FakeLlmProtocol.OpenAI => "/v1/chat/completions",
        _ => "/v1/messages",
    };

    private static IEnumerable<JsonNode> Blocks(JsonNode message, string type) =>
        message["content"] is JsonArray blocks ? blocks.Where(b => Text(b?["type"]) == type).Select(b => b!) : [];

    private static string ContentText(JsonNode? content) => content switch
    {
        null => "",
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => Text(p?["text"]) ?? "")),
        _ => content.ToJsonString(),
    };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
