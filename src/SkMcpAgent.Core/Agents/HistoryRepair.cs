using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Chat;

namespace SkMcpAgent.Core.Agents;

/// <summary>
/// Keeps a history the providers accept after an interruption: every function call has a result, and an answer
/// cut short says so, so the model does not take half a sentence for its own complete answer.
/// </summary>
internal static class HistoryRepair
{
    public const string InterruptedNote = "[The user interrupted this answer.]";

    /// <summary>
    /// Appends a Tool message answering every call that has no result (as cancelled, unless said otherwise); returns
    /// how many calls it answered.
    /// </summary>
    public static int AnswerDanglingCalls(List<ChatMessage> messages, string answer = FunctionCallMessages.Cancelled)
    {
        HashSet<string> answered = new(StringComparer.Ordinal);
        foreach (var content in messages.SelectMany(static m => m.Contents))
        {
            if (content is FunctionResultContent result)
            {
                answered.Add(result.CallId);
            }
        }

        List<AIContent> missing = [];
        foreach (var content in messages.SelectMany(static m => m.Contents))
        {
            // SK's loop marks the calls it ran InformationalOnly; any call without a result needs one, whatever its mark.
            if (content is FunctionCallContent call && answered.Add(call.CallId))
            {
                missing.Add(new FunctionResultContent(call.CallId, answer));
            }
        }

        if (missing.Count > 0)
        {
            messages.Add(new ChatMessage(ChatRole.Tool, missing));
        }

        return missing.Count;
    }

    /// <summary>Adds the interruption note to the last assistant message of an interrupted turn, if it has text.</summary>
    public static void MarkInterrupted(List<ChatMessage> turnMessages)
    {
        var last = turnMessages.LastOrDefault(static m => m.Role == ChatRole.Assistant);
        if (last is not null && last.Contents.OfType<TextContent>().Any(static t => !string.IsNullOrEmpty(t.Text)))
        {
            last.Contents.Add(new TextContent("\n" + InterruptedNote));
        }
    }
}
