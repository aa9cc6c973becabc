using System.Text.Json.Nodes;

namespace SkMcpAgent.Testing.FakeLlm;

/// <summary>Writes a reply in the OpenAI Chat Completions wire format (also Azure OpenAI v1).</summary>
internal static class OpenAIWire
{
    private const long Created = 1_763_700_000;

    public static JsonObject Completion(FakeLlmReply reply, string id, string model)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content };
        if (reply.Calls.Count > 0)
        {
            message["tool_calls"] = new JsonArray([.. reply.Calls.Select((c, i) => (JsonNode)new JsonObject
            {
                ["id"] = CallId(c, id, i),
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.ArgumentsJson },
            })]);
        }

        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = Created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = FinishReason(reply),
            }),
            ["usage"] = Usage(reply),
        };
    }

    /// <summary>The "data:" payloads of a streamed reply, ending with [DONE] (unless the reply is cut).</summary>
    public static IEnumerable<string> Chunks(FakeLlmReply reply, string id, string model, bool includeUsage)
    {
        yield return Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null).ToJsonString();

        foreach (var piece in Pieces.Split(reply.Content, reply.StreamPieces))
        {
            yield return Chunk(id, model, new JsonObject { ["content"] = piece }, null).ToJsonString();
            if (reply.Cut == FakeLlmCut.MidText)
            {
                yield break;
            }
        }

        // Each call opens with its id and name, then its arguments arrive in pieces; calls are told apart by index.
        for (var i = 0; i < reply.Calls.Count; i++)
        {
            var call = reply.Calls[i];
            yield return Chunk(id, model, ToolDelta(new JsonObject
            {
                ["index"] = i,
                ["id"] = CallId(call, id, i),
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
            }), null).ToJsonString();

            foreach (var piece in Pieces.Split(call.ArgumentsJson, reply.StreamPieces))
            {
                yield return Chunk(id, model, ToolDelta(new JsonObject
                {
                    ["index"] = i,
                    ["function"] = new JsonObject { ["arguments"] = piece },
                }), null).ToJsonString();
                if (reply.Cut == FakeLlmCut.MidArguments)
                {
                    yield break;
                }
            }
        }

        if (reply.Cut != FakeLlmCut.None)
        {
            yield break;
        }

        yield return Chunk(id, model, new JsonObject(), FinishReason(reply)).ToJsonString();

        if (includeUsage)
        {
            var usageChunk = Chunk(id, model, null, null);
            usageChunk["choices"] = new JsonArray();
            usageChunk["usage"] = Usage(reply);
            yield return usageChunk.ToJsonString();
        }

        yield return "[DONE]";
    }

    public static JsonObject Error(int status, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = status switch
            {
                401 => "invalid_request_error",
                404 => "invalid_request_error",
                429 => "rate_limit_exceeded",
                >= 500 => "server_error",
                _ => "invalid_request_error",
            },
            ["param"] = null,
            ["code"] = status switch
            {
                401 => "invalid_api_key",
                404 => "model_not_found",
                429 => "rate_limit_exceeded",
                _ => null,
            },
        },
    };

    private static JsonObject ToolDelta(JsonObject call) => new() { ["tool_calls"] = new JsonArray(call) };

    private static JsonObject Chunk(string id, string model, JsonObject? delta, string? finishReason)
    {
        var chunk = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = Created,
            ["model"] = model,
        };
        if (delta is not null)
        {
            chunk["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["delta"] = delta,
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            });
        }

        return chunk;
    }

    private static string FinishReason(FakeLlmReply reply) =>
        reply.FinishReason ?? (reply.Calls.Count > 0 ? "tool_calls" : "stop");

    private static JsonObject Usage(FakeLlmReply reply) => new()
    {
        ["prompt_tokens"] = reply.InputTokens,
        ["completion_tokens"] = reply.OutputTokens,
        ["total_tokens"] = reply.InputTokens + reply.OutputTokens,
    };

    private static string CallId(FakeLlmToolCall call, string responseId, int index) => call.Id ?? $"call_{responseId}_{index}";
}
