using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using OpenAIChat = OpenAI.Chat;

namespace SkMcpAgent.Core.Providers.ChatCompletions;

/// <summary>
/// Turns streamed Chat Completions chunks into updates. Text and usage pass straight through; tool calls arrive as
/// fragments keyed by index (id and name first, arguments in pieces), so they are assembled and emitted whole at the end.
/// </summary>
internal static class StreamingAssembler
{
    public static async IAsyncEnumerable<ChatResponseUpdate> FromUpdatesAsync(
        IAsyncEnumerable<OpenAIChat.StreamingChatCompletionUpdate> updates,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        SortedDictionary<int, PendingCall>? calls = null;
        string? responseId = null;
        string? modelId = null;
        DateTimeOffset? createdAt = null;
        ChatFinishReason? finishReason = null;

        await foreach (var chunk in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            responseId ??= chunk.CompletionId;
            modelId ??= chunk.Model;
            createdAt ??= chunk.CreatedAt;
            finishReason ??= ResponseMapper.FinishReason(chunk.FinishReason);

            var update = new ChatResponseUpdate
            {
                ResponseId = chunk.CompletionId,
                MessageId = chunk.CompletionId,
                ModelId = modelId,
                CreatedAt = chunk.CreatedAt,
                Role = ChatRole.Assistant,
                FinishReason = finishReason,
                RawRepresentation = chunk,
            };

            foreach (var part in chunk.ContentUpdate ?? [])
            {
                if (part.Kind == OpenAIChat.ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
                {
                    update.Contents.Add(new TextContent(part.Text));
                }
            }

            foreach (var fragment in chunk.ToolCallUpdates ?? [])
            {
                calls ??= [];
                if (!calls.TryGetValue(fragment.Index, out var call))
                {
                    calls[fragment.Index] = call = new PendingCall();
                }

                call.Id ??= fragment.ToolCallId;
                call.Name ??= fragment.FunctionName;
                if (fragment.FunctionArgumentsUpdate is { } piece && !piece.IsEmpty)
                {
                    call.Arguments.Append(piece.ToString());
                }
            }

            if (chunk.Usage is { } usage)
            {
                update.Contents.Add(new UsageContent(ResponseMapper.Usage(usage)) { RawRepresentation = usage });
            }

            yield return update;
        }

        if (calls is null)
        {
            yield break;
        }

        var last = new ChatResponseUpdate
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = modelId,
            CreatedAt = createdAt,
            Role = ChatRole.Assistant,
            FinishReason = finishReason,
        };
        foreach (var call in calls.Values.Where(c => !string.IsNullOrWhiteSpace(c.Name)))
        {
            last.Contents.Add(ResponseMapper.ParseCall(call.Arguments.ToString(), call.Id ?? Guid.NewGuid().ToString("N"), call.Name!));
        }

        yield return last;
    }

    private sealed class PendingCall
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public StringBuilder Arguments { get; } = new();
    }
}
