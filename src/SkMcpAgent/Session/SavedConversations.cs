using System.Collections.Concurrent;
using Spectre.Console;
using SkMcpAgent.Cli;
using SkMcpAgent.Core;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Conversations;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Session;

/// <summary>
/// The conversation history as one run uses it: which conversation <c>--continue</c> / <c>--resume</c> name, loading
/// one into the agent, and saving the current one after every turn (unless <c>--no-save</c> or
/// <c>SKMCPAGENT_NO_SAVE</c>). A save that fails is a warning, once: the conversation goes on unsaved.
/// </summary>
public sealed class SavedConversations
{
    public const string NoSaveVariable = "SKMCPAGENT_NO_SAVE";

    // Each skipped file is reported once per process, however often the run lists (a check before single-shot, then
    // its lookup; every /resume in the REPL).
    private static readonly ConcurrentDictionary<string, bool> s_reported = new(StringComparer.Ordinal);

    private readonly Terminal? _terminal;
    private bool _saveFailed;

    private SavedConversations(ConversationStore? store, ConversationAutosave? autosave, string workingFolder, Terminal? terminal, AgentOptions? options = null)
    {
        ContinueLatest = options?.Continue ?? false;
        ResumeId = options?.ResumeId;
        PickFromList = options is { Resume: true, ResumeId: null };
        Store = store;
        Autosave = autosave;
        WorkingFolder = workingFolder;
        _terminal = terminal;
    }

    /// <summary>No history at all (a host without a history folder, such as the in-process tests).</summary>
    public static SavedConversations Disabled { get; } = new(null, null, Environment.CurrentDirectory, null);

    /// <summary>The history; null when this host keeps none.</summary>
    public ConversationStore? Store { get; }

    /// <summary>Saves the current conversation; null when saving is off.</summary>
    public ConversationAutosave? Autosave { get; }

    public string WorkingFolder { get; }

    /// <summary><c>--continue</c>: the run starts with this folder's latest conversation.</summary>
    public bool ContinueLatest { get; }

    /// <summary><c>--resume ID</c>: the run starts with that conversation.</summary>
    public string? ResumeId { get; }

    /// <summary><c>--resume</c> without an id: the REPL starts by listing this folder's conversations to pick one.</summary>
    public bool PickFromList { get; }

    public static SavedConversations Create(AgentOptions options, Terminal terminal, SessionSetup setup)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.ConversationFolder is not { } folder)
        {
            return new SavedConversations(null, null, terminal.Host.CurrentDirectory, terminal, options);
        }

        var store = new ConversationStore(folder);
        var workingFolder = terminal.Host.CurrentDirectory;
        var saving = !options.NoSave && !IsSet(terminal.Host.GetEnvironmentVariable(NoSaveVariable));
        return new SavedConversations(store, saving ? new ConversationAutosave(store, workingFolder) : null, workingFolder, terminal, options);
    }

    /// <summary>
    /// The conversation <c>--continue</c> or <c>--resume ID</c> names; null when neither was given (or <c>--resume</c>
    /// without an id, which picks from the list). Nothing to continue is a <see cref="ConversationMatch.Problem"/>.
    /// </summary>
    public ConversationMatch? FindRequested()
    {
        if (!ContinueLatest && ResumeId is null)
        {
            return null;
        }

        if (Store is null)
        {
            return ConversationMatch.NotFound("This run keeps no conversation history.");
        }

        if (ResumeId is { } id)
        {
            return Store.Find(id);
        }

        return List() is [var latest, ..]
            ? ConversationMatch.Found(latest)
            : ConversationMatch.NotFound($"No saved conversation in {WorkingFolder} to continue.");
    }

    /// <summary>This folder's conversations, newest first; a warning for each file in the history that was skipped.</summary>
    public IReadOnlyList<ConversationInfo> List()
    {
        if (Store is null)
        {
            return [];
        }

        var listing = Store.List(WorkingFolder);
        foreach (var skipped in listing.Skipped.Where(skipped => s_reported.TryAdd(Path.Combine(Store.Folder, skipped), true)))
        {
            _terminal?.Diagnostic($"[yellow]![/] skipped a file in {Markup.Escape(Store.Folder)}: {Markup.Escape(skipped)}");
        }

        return listing.Conversations;
    }

    /// <summary>Loads <paramref name="conversation"/> into the agent; the next saves go to it.</summary>
    public async Task ResumeAsync(ChatAgent agent, ConversationInfo conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(conversation);
        await agent.LoadAsync(conversation.FilePath, cancellationToken);
        Autosave?.Continue(conversation, agent.Conversation);
    }

    /// <summary>Saves the agent's conversation if saving is on and it changed; a failure is reported once.</summary>
    public async Task SaveAsync(AgentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (Autosave is null || session.Agent is not { } agent)
        {
            return;
        }

        try
        {
            // Not cancellable: the turn already ended (perhaps by Ctrl+C), and its save takes milliseconds.
            await Autosave.SaveAsync(agent.Conversation, session.ProviderName, session.Model, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!_saveFailed)
            {
                _saveFailed = true;
                _terminal?.Diagnostic($"[yellow]![/] the conversation could not be saved ({Markup.Escape(ex.Message)}); it goes on unsaved (--no-save or {NoSaveVariable}=1 turns saving off).");
            }
        }
    }

    /// <summary>The conversation <paramref name="match"/> names, or a configuration error (exit 2) saying why none.</summary>
    public static ConversationInfo Require(ConversationMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Conversation ?? throw new AgentConfigurationException(match.Problem ?? "No conversation found.");
    }

    private static bool IsSet(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim() is not ("0" or "false" or "False" or "FALSE" or "no");
}
