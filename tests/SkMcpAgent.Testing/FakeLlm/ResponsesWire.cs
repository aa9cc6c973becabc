using System.Text.Json.Nodes;

namespace SkMcpAgent.Testing.FakeLlm;

/// <summary>
/// Writes a reply in the OpenAI Responses API wire format (<c>POST /v1/responses</c>), as the Codex CLI reads it:
/// a JSON response object, or SSE events from <c>response.created</c> to <c>response.completed</c> where the text
/// arrives as <c>response.output_text.delta</c> and every output item (message, function call) is announced by
/// <c>response.output_item.added</c> and finished by <c>response.output_item.done</c>.
/// </summary>
internal static class ResponsesWire
{
    private const long Created = 1_763_700_000;

    public static JsonObject Response(FakeLlmReply reply, string id, string model) => ResponseObject(reply, id, model, "completed", Output(reply, id));

    /// <summary>The (event name, data) pairs of a streamed reply; a cut reply ends before <c>response.completed</c>.</summary>
    public static IEnumerable<(string Name, string Data)> Events(FakeLlmReply reply, string id, string model)
    {
        var sequence = 0;
        (string, string) Event(string type, JsonObject data)
        {
            data["type"] = type;
            data["sequence_number"] = sequence++;
            return (type, data.ToJsonString());
        }

        yield return Event("response.created", new JsonObject { ["response"] = ResponseObject(reply, id, model, "in_progress", []) });
        var outputIndex = 0;
        if (!string.IsNullOrEmpty(reply.Content))
        {
            var messageId = $"msg_{id}";
            yield return Event("response.output_item.added", new JsonObject
            {
                ["output_index"] = outputIndex,
                ["item"] = Message(messageId, "", "in_progress"),
            });
            foreach (var piece in Pieces.Split(reply.Content, reply.StreamPieces))
            {
                yield return Event("response.output_text.delta", new JsonObject
                {
                    ["item_id"] = messageId,
                    ["output_index"] = outputIndex,
                    ["content_index"] = 0,
                    ["delta"] = piece,
                });
                if (reply.Cut == FakeLlmCut.MidText)
                {
                    yield break;
                }
            }

            yield return Event("response.output_item.done", new JsonObject { ["output_index"] = outputIndex, ["item"] = Message(messageId, reply.Content, "completed") });
            outputIndex++;
        }

        for (var i = 0; i < reply.Calls.Count; i++, outputIndex++)
        {
            var call = reply.Calls[i];
            var itemId = $"fc_{id}_{i}";
            yield return Event("response.output_item.added", new JsonObject { ["output_index"] = outputIndex, ["item"] = FunctionCall(call, itemId, CallId(call, id, i), "", "in_progress") });
            foreach (var piece in Pieces.Split(call.ArgumentsJson, reply.StreamPieces))
            {
                yield return Event("response.function_call_arguments.delta", new JsonObject { ["item_id"] = itemId, ["output_index"] = outputIndex, ["delta"] = piece });
                if (reply.Cut == FakeLlmCut.MidArguments)
                {
                    yield break;
                }
            }

            yield return Event("response.function_call_arguments.done", new JsonObject { ["item_id"] = itemId, ["output_index"] = outputIndex, ["arguments"] = call.ArgumentsJson });
            yield return Event("response.output_item.done", new JsonObject { ["output_index"] = outputIndex, ["item"] = FunctionCall(call, itemId, CallId(call, id, i), call.ArgumentsJson, "completed") });
        }

        if (reply.Cut != FakeLlmCut.None)
        {
            yield break;
        }

        yield return Event("response.completed", new JsonObject { ["response"] = Response(reply, id, model) });
    }

    /// <summary>The <c>function_call_output</c> items of the request's input, as (call id, output text).</summary>
    public static IEnumerable<(string CallId, string Content)> ToolResults(JsonNode? body)
    {
        foreach (var item in body?["input"] as JsonArray ?? [])
        {
            if (item?["type"]?.GetValue<string>() == "function_call_output")
            {
                var output = item["output"];
                yield return (item["call_id"]?.GetValue<string>() ?? "", output is JsonValue value ? value.GetValue<string>() : output?.ToJsonString() ?? "");
            }
        }
    }

    private static JsonArray Output(FakeLlmReply reply, string id)
    {
        var output = new JsonArray();
        if (!string.IsNullOrEmpty(reply.Content))
        {
            output.Add(Message($"msg_{id}", reply.Content, "completed"));
        }

        for (var i = 0; i < reply.Calls.Count; i++)
        {
            output.Add(FunctionCall(reply.Calls[i], $"fc_{id}_{i}", CallId(reply.Calls[i], id, i), reply.Calls[i].ArgumentsJson, "completed"));
        }

        return output;
    }

    private static JsonObject ResponseObject(FakeLlmReply reply, string id, string model, string status, JsonArray output) => new()
    {
        ["id"] = id,
        ["object"] = "response",
        ["created_at"] = Created,
        ["status"] = status,
        ["model"] = model,
        ["output"] = output,
        ["usage"] = status == "completed" ? Usage(reply) : null,
    };

    private static JsonObject Message(string id, string text, string status) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["status"] = status,
        ["role"] = "assistant",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() }),
    };

    private static JsonObject FunctionCall(FakeLlmToolCall call, string itemId, string callId, string arguments, string status) => new()
    {
        ["type"] = "function_call",
        ["id"] = itemId,
        ["call_id"] = callId,
        ["name"] = call.Name,
        ["arguments"] = arguments,
        ["status"] = status,
    };

    private static JsonObject Usage(FakeLlmReply reply) => new()
    {
        ["input_tokens"] = reply.InputTokens,
        ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
        ["output_tokens"] = reply.OutputTokens,
        ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
        ["total_tokens"] = reply.InputTokens + reply.OutputTokens,
    };

    private static string CallId(FakeLlmToolCall call, string responseId, int index) => call.Id ?? $"call_{responseId}_{index}";
}
