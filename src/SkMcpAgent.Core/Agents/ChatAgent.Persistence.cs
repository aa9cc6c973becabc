using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Conversations;

namespace SkMcpAgent.Core.Agents;

public sealed partial class ChatAgent
{
    /// <summary>The conversation without the system prompt (which belongs to the configuration): what is saved.</summary>
    public IReadOnlyList<ChatMessage> Conversation => _history.GetRange(SystemMessageCount, _history.Count - SystemMessageCount);

    /// <summary>
    /// Writes the conversation (without the system prompt) in the <see cref="ConversationFile"/> format, atomically and
    /// readable by the owner only: roles, texts, function calls with their arguments, and the results the model read.
    /// </summary>
    public Task SaveAsync(string path, CancellationToken cancellationToken) =>
        ConversationFile.WriteAsync(path, info: null, Conversation, cancellationToken);

    /// <summary>
    /// Replaces the conversation with a saved one (a <c>/save</c> file or a history entry), keeping the current system
    /// prompt. Calls the saved conversation left without a result get one, so every provider accepts the history. On
    /// any problem the history is left as it was and a <see cref="ConversationFileException"/> says what is wrong with
    /// which file.
    /// </summary>
    public async Task LoadAsync(string path, CancellationToken cancellationToken)
    {
        var messages = await ConversationFile.ReadMessagesAsync(path, cancellationToken).ConfigureAwait(false);
        HistoryRepair.AnswerDanglingCalls(messages);
        _history.RemoveRange(SystemMessageCount, _history.Count - SystemMessageCount);
        _history.AddRange(messages);
        LastUsage = null;
        LastTurnCallsNotRun = 0;
        _recorder.BeginTurn(default);
    }
}
