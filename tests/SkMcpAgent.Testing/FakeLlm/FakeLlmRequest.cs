using System.Text.Json.Nodes;

namespace SkMcpAgent.Testing.FakeLlm;

/// <summary>A request the fake received, as the SDK sent it: what tests assert on (path, headers, tool schemas, tool results).</summary>
public sealed class FakeLlmRequest
{
    public FakeLlmRequest(string method, string path, IReadOnlyDictionary<string, string> headers, JsonNode? body, FakeLlmProtocol protocol, string query = "")
    {
        ReceivedAt = DateTimeOffset.UtcNow;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        Protocol = protocol;
    }

    public DateTimeOffset ReceivedAt { get; }

    public string Method { get; }

    public string Path { get; }

    /// <summary>The query string as sent, with its leading '?' (e.g. "?api-version=2024-10-21"), or "".</summary>
    public string Query { get; }

    /// <summary>Request headers, names case-insensitive; several values are joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The parsed JSON body, or null when it was empty or not JSON.</summary>
    public JsonNode? Body { get; }

    public FakeLlmProtocol Protocol { get; }

    /// <summary>The "model" field of the body.</summary>
    public string? Model => Body?["model"]?.GetValue<string>();

    /// <summary>Whether the SDK asked for an SSE stream.</summary>
    public bool Stream => Body?["stream"]?.GetValue<bool>() ?? false;

    /// <summary>The "messages" array of the body (never null).</summary>
    public JsonArray Messages => Body?["messages"] as JsonArray ?? [];

    /// <summary>The "tools" array of the body (never null).</summary>
    public JsonArray Tools => Body?["tools"] as JsonArray ?? [];

    /// <summary>The names of the offered tools, whatever the protocol's shape (Chat Completions nests them in "function").</summary>
    public IEnumerable<string> ToolNames() =>
        Tools.Select(static t => (t?["function"]?["name"] ?? t?["name"])?.GetValue<string>()).OfType<string>();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The text of the last user message, whatever the protocol's content shape (string or blocks).</summary>
    public string? LastUserText()
    {
        var last = Messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user");
        return last is null ? null : TextOf(last["content"]);
    }

    /// <summary>
    /// The tool results sent back to the model, in order: OpenAI "tool" messages, Anthropic "tool_result" blocks or
    /// Responses "function_call_output" input items, as (call id, result text).
    /// </summary>
    public IReadOnlyList<(string CallId, string Content)> ToolResults()
    {
        var results = new List<(string, string)>(ResponsesWire.ToolResults(Body));
        foreach (var message in Messages)
        {
            if (message is null)
            {
                continue;
            }

            if (message["role"]?.GetValue<string>() == "tool")
            {
                results.Add((message["tool_call_id"]?.GetValue<string>() ?? "", TextOf(message["content"])));
            }
            else if (message["content"] is JsonArray blocks)
            {
                foreach (var block in blocks)
                {
                    if (block?["type"]?.GetValue<string>() == "tool_result")
                    {
                        results.Add((block["tool_use_id"]?.GetValue<string>() ?? "", TextOf(block["content"])));
                    }
                }
            }
        }

        return results;
    }

    /// <summary>Every message as (role, text), in order, whatever the protocol's content shape: the conversation as sent.</summary>
    public IReadOnlyList<(string Role, string Text)> MessageTexts() =>
        [.. Messages.Select(static m => (m?["role"]?.GetValue<string>() ?? "", TextOf(m?["content"])))];

    private static string TextOf(JsonNode? content) => content switch
    {
        null => "",
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => content.ToJsonString(),
    };
}
