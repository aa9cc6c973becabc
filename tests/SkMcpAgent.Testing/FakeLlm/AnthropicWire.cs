using System.Text.Json;
using System.Text.Json.Nodes;

namespace SkMcpAgent.Testing.FakeLlm;

/// <summary>Writes a reply in the Anthropic Messages wire format.</summary>
internal static class AnthropicWire
{
    public static JsonObject Message(FakeLlmReply reply, string id, string model)
    {
        var content = new JsonArray();
        if (!string.IsNullOrEmpty(reply.Content))
        {
            content.Add(new JsonObject { ["type"] = "text", ["text"] = reply.Content });
        }

        for (var i = 0; i < reply.Calls.Count; i++)
        {
            var call = reply.Calls[i];
            content.Add(new JsonObject
            {
                ["type"] = "tool_use",
                ["id"] = CallId(call, id, i),
                ["name"] = call.Name,
                ["input"] = ParseInput(call.ArgumentsJson),
            });
        }

        return new JsonObject
        {
            ["id"] = id,
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = model,
            ["content"] = content,
            ["stop_reason"] = StopReason(reply),
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = reply.OutputTokens },
        };
    }

    /// <summary>The (event, data) pairs of a streamed reply, in the order the Messages API sends them (up to the cut, if any).</summary>
    public static IEnumerable<(string Event, string Data)> Events(FakeLlmReply reply, string id, string model)
    {
        var start = Message(FakeLlmReply.Text(""), id, model);
        start["content"] = new JsonArray();
        start["stop_reason"] = null;
        start["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = 1 };
        yield return Event("message_start", new JsonObject { ["type"] = "message_start", ["message"] = start });

        var index = 0;
        if (!string.IsNullOrEmpty(reply.Content))
        {
            yield return BlockStart(index, new JsonObject { ["type"] = "text", ["text"] = "" });
            foreach (var piece in Pieces.Split(reply.Content, reply.StreamPieces))
            {
                yield return BlockDelta(index, new JsonObject { ["type"] = "text_delta", ["text"] = piece });
                if (reply.Cut == FakeLlmCut.MidText)
                {
                    yield break;
                }
            }

            yield return BlockStop(index++);
        }

        for (var i = 0; i < reply.Calls.Count; i++, index++)
        {
            var call = reply.Calls[i];
            yield return BlockStart(index, new JsonObject
            {
                ["type"] = "tool_use",
                ["id"] = CallId(call, id, i),
                ["name"] = call.Name,
                ["input"] = new JsonObject(),
            });
            foreach (var piece in Pieces.Split(call.ArgumentsJson, reply.StreamPieces))
            {
                yield return BlockDelta(index, new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece });
                if (reply.Cut == FakeLlmCut.MidArguments)
                {
                    yield break;
                }
            }

            yield return BlockStop(index);
        }

        if (reply.Cut != FakeLlmCut.None)
        {
            yield break;
        }

        yield return Event("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = StopReason(reply), ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = reply.OutputTokens },
        });
        yield return Event("message_stop", new JsonObject { ["type"] = "message_stop" });
    }

    public static JsonObject Error(int status, string message) => new()
    {
        ["type"] = "error",
        ["error"] = new JsonObject
        {
            ["type"] = status switch
            {
                400 => "invalid_request_error",
                401 => "authentication_error",
                403 => "permission_error",
                404 => "not_found_error",
                429 => "rate_limit_error",
                529 => "overloaded_error",
                _ => "api_error",
            },
            ["message"] = message,
        },
    };

    private static (string, string) BlockStart(int index, JsonObject block) =>
        Event("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = block });

    private static (string, string) BlockDelta(int index, JsonObject delta) =>
        Event("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = delta });

    private static (string, string) BlockStop(int index) =>
        Event("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index });

    private static (string, string) Event(string name, JsonObject data) => (name, data.ToJsonString());

    private static string StopReason(FakeLlmReply reply) =>
        reply.FinishReason ?? (reply.Calls.Count > 0 ? "tool_use" : "end_turn");

    // The non-streaming API always sends an object; arguments that are not JSON go through as a string for tests of bad input.
    private static JsonNode? ParseInput(string json)
    {
        try
        {
            return JsonNode.Parse(json) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }

    private static string CallId(FakeLlmToolCall call, string responseId, int index) => call.Id ?? $"toolu_{responseId}_{index}";
}
