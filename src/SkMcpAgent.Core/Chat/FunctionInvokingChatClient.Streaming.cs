using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Chat;

public sealed partial class FunctionInvokingChatClient
{
    /// <summary>
    /// Streams each round as it arrives (text, then the model's function calls), runs the calls, streams their
    /// results as one Tool update, then streams the next round.
    /// </summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        List<ChatMessage> history = [.. messages];
        List<ChatResponseUpdate> updates = [];
        List<FunctionCallContent> calls = [];

        for (var iteration = 0; ; iteration++)
        {
            var finalRound = iteration >= MaximumIterationsPerRequest;
            var (requestMessages, requestOptions) = PrepareRequest(history, options, finalRound);
            updates.Clear();
            calls.Clear();

            await foreach (var update in base.GetStreamingResponseAsync(requestMessages, requestOptions, cancellationToken).ConfigureAwait(false))
            {
                // Rebuilding messages from updates splits on role changes; a provider that sends the role only on
                // its first chunk would otherwise have the next round glued onto the previous Tool message.
                update.Role ??= ChatRole.Assistant;
                updates.Add(update);
                CollectCalls(update.Contents, calls);
                yield return update;
            }

            if (calls.Count == 0)
            {
                yield break;
            }

            history.AddMessages(updates);
            var results = finalRound
                ? AnswerWithoutRunning(calls)
                : await InvokeCallsAsync(calls, options, history, iteration, cancellationToken).ConfigureAwait(false);
            var messageId = NewMessageId();
            history.Add(new ChatMessage(ChatRole.Tool, results) { MessageId = messageId });

            yield return new ChatResponseUpdate(ChatRole.Tool, results)
            {
                MessageId = messageId,
                CreatedAt = DateTimeOffset.UtcNow,
            };

            cancellationToken.ThrowIfCancellationRequested();
            if (finalRound)
            {
                yield break;
            }
        }
    }
}
