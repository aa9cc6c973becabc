using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Chat;

namespace SkMcpAgent.Core.Agents;

public sealed partial class ChatAgent
{
    public async IAsyncEnumerable<ChatResponseUpdate> RunStreamingAsync(
        string userInput,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureClientAsync(cancellationToken).ConfigureAwait(false);
        var chatOptions = CreateChatOptions();
        BeginTurn(userInput, cancellationToken);
        List<ChatResponseUpdate> updates = [];
        var completed = false;
        var failed = false;
        var enumerator = _client.GetStreamingResponseAsync(_history, chatOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                // Driven by hand (a yield cannot sit in a try with a catch) to tell a failure from an interruption.
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed = true;
                    throw;
                }

                updates.Add(enumerator.Current);
                yield return enumerator.Current;
            }

            completed = true;
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);

            // Also reached when the caller stops reading early: that turn is interrupted too. A provider failure is
            // not an interruption: the model's words stay as they were, only unanswered calls get a result.
            LastUsage = SumUsage(updates);
            List<ChatMessage> messages = [];
            messages.AddMessages(updates);
            if (completed)
            {
                LastTurnCallsNotRun = HistoryRepair.AnswerDanglingCalls(messages, FunctionCallMessages.NotRunAfterMaximumRounds);
                _history.AddRange(messages);
            }
            else if (failed)
            {
                HistoryRepair.AnswerDanglingCalls(messages);
                _history.AddRange(messages);
            }
            else
            {
                CommitInterruptedTurn(messages);
            }
        }
    }

    private static UsageDetails? SumUsage(List<ChatResponseUpdate> updates)
    {
        UsageDetails? total = null;
        foreach (var content in updates.SelectMany(static u => u.Contents))
        {
            if (content is UsageContent usage)
            {
                total ??= new UsageDetails();
                total.Add(usage.Details);
            }
        }

        return total;
    }
}
