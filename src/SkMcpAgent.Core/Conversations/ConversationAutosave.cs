using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Conversations;

/// <summary>
/// Keeps the current conversation saved in a <see cref="ConversationStore"/>: a new one gets a fresh id on its first
/// save (and the store is pruned then), a continued one keeps its id, folder and creation time.
/// </summary>
public sealed class ConversationAutosave
{
    private readonly ConversationStore _store;
    private readonly string _workingFolder;
    private ConversationInfo? _current;
    private int _savedCount;
    private ChatMessage? _savedLast;

    public ConversationAutosave(ConversationStore store, string workingFolder)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(workingFolder);
        _store = store;
        _workingFolder = ConversationStore.NormaliseFolder(workingFolder);
    }

    public ConversationStore Store => _store;

    /// <summary>The conversation being saved, as last written or continued; null for a new one not saved yet.</summary>
    public ConversationInfo? Current => _current;

    /// <summary>The next save starts a new conversation (after <c>/clear</c> or <c>/load</c>); the current one stays saved.</summary>
    public void StartNew()
    {
        _current = null;
        _savedCount = 0;
        _savedLast = null;
    }

    /// <summary>The next saves write to <paramref name="conversation"/>, whose messages the agent now holds.</summary>
    public void Continue(ConversationInfo conversation, IReadOnlyList<ChatMessage> loaded)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(loaded);
        _current = conversation;
        MarkSaved(loaded);
    }

    /// <summary>
    /// Saves <paramref name="messages"/> (the conversation without its system prompt) when it has a question and changed
    /// since the last save; true when it wrote.
    /// </summary>
    public async Task<bool> SaveAsync(IReadOnlyList<ChatMessage> messages, string? provider, string? model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var turns = ConversationFile.TurnsOf(messages);
        if (turns == 0 || (messages.Count == _savedCount && ReferenceEquals(messages[^1], _savedLast)))
        {
            return false;
        }

        var now = _store.Time.GetUtcNow();
        var isNew = _current is null;
        var id = _current?.Id ?? Guid.NewGuid().ToString("D");
        var info = new ConversationInfo(
            id,
            _current?.Folder ?? _workingFolder,
            _current?.CreatedAt ?? now,
            now,
            ConversationFile.TitleOf(messages),
            turns,
            provider,
            model,
            _store.PathFor(id));
        await _store.SaveAsync(info, messages, cancellationToken).ConfigureAwait(false);
        _current = info;
        MarkSaved(messages);

        if (isNew)
        {
            PruneQuietly();
        }

        return true;
    }

    private void MarkSaved(IReadOnlyList<ChatMessage> messages)
    {
        _savedCount = messages.Count;
        _savedLast = messages.Count > 0 ? messages[^1] : null;
    }

    // Pruning is housekeeping: a file it cannot delete now is tried again when the next conversation starts.
    private void PruneQuietly()
    {
        try
        {
            _store.Prune();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
