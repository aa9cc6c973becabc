using System.Globalization;
using Microsoft.Extensions.AI;
using Spectre.Console;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Conversations;
using SkMcpAgent.Rendering;
using SkMcpAgent.Session;

namespace SkMcpAgent.Repl;

public sealed partial class ReplSession
{
    private const string PickPrompt = "Resume which (number or id; Enter for a new conversation)? ";

    /// <summary>The conversation history: what the session starts with (<c>--continue</c>, <c>--resume</c>) and where turns are saved.</summary>
    public SavedConversations Conversations { get; init; } = SavedConversations.Disabled;

    /// <summary>
    /// At start: the conversation <c>--continue</c> or <c>--resume ID</c> names, or a pick from the list for
    /// <c>--resume</c> alone. Nothing to continue is a note, and the session starts a new conversation.
    /// </summary>
    private async Task StartConversationAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (Conversations.PickFromList)
            {
                await PickConversationAsync(cancellationToken);
            }
            else if (Conversations.FindRequested() is { } match)
            {
                if (match.Conversation is { } conversation)
                {
                    await SwitchConversationAsync(conversation, cancellationToken);
                }
                else
                {
                    NewConversationNote(match.Problem);
                }
            }
        }
        catch (ConversationFileException ex)
        {
            _terminal.Error(ex.Message);
            NewConversationNote(null);
        }
    }

    /// <summary><c>/resume</c> lists this folder's conversations; <c>/resume N|ID</c> switches to one (the current one stays saved).</summary>
    private async Task ResumeCommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var conversations = ShowConversations();
        if (command.FirstArgument is { } choice && Choose(choice, conversations) is { } chosen)
        {
            await SwitchConversationAsync(chosen, cancellationToken);
        }
        else if (command.FirstArgument is null && conversations.Count > 0)
        {
            _terminal.WriteOutMarkupLine("[grey]/resume <number or id> continues one; the current conversation stays saved.[/]");
        }
    }

    private async Task PickConversationAsync(CancellationToken cancellationToken)
    {
        var conversations = ShowConversations();
        if (conversations.Count == 0)
        {
            NewConversationNote(null);
            return;
        }

        string? answer;
        using (var pick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        using (_terminal.Host.Interrupts.Register(pick.Cancel))
        {
            try
            {
                answer = await _reader.ReadLineAsync(PickPrompt, pick.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                answer = null;
            }
        }

        if (string.IsNullOrWhiteSpace(answer) || Choose(answer, conversations) is not { } chosen)
        {
            NewConversationNote(null);
            return;
        }

        await SwitchConversationAsync(chosen, cancellationToken);
    }

    /// <summary>This folder's conversations, listed with their numbers; a line saying so when there are none.</summary>
    private IReadOnlyList<ConversationInfo> ShowConversations()
    {
        var conversations = Conversations.List();
        if (Conversations.Store is not { } store)
        {
            _terminal.Error("This session keeps no conversation history.");
        }
        else if (conversations.Count == 0)
        {
            _terminal.WriteOutMarkupLine($"No saved conversations in {Markup.Escape(Conversations.WorkingFolder)}.");
        }
        else
        {
            ConversationList.Render(_terminal, conversations, store.Time.GetUtcNow(), Conversations.Autosave?.Current?.Id);
        }

        return conversations;
    }

    /// <summary>A number from the list (1-3 digits), else an id or a unique prefix of one in any folder; null after saying why not.</summary>
    private ConversationInfo? Choose(string choice, IReadOnlyList<ConversationInfo> listed)
    {
        choice = choice.Trim();
        if (choice.Length <= 3 && int.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number >= 1 && number <= Math.Min(listed.Count, ConversationList.MaxShown))
            {
                return listed[number - 1];
            }

            _terminal.Error($"There is no conversation number {number} in the list.");
            return null;
        }

        if (Conversations.Store?.Find(choice) is not { } match)
        {
            return null;
        }

        if (match.Problem is { } problem)
        {
            _terminal.Error(problem);
        }

        return match.Conversation;
    }

    private async Task SwitchConversationAsync(ConversationInfo conversation, CancellationToken cancellationToken)
    {
        if (RequireAgent() is not { } agent)
        {
            return;
        }

        if (string.Equals(Conversations.Autosave?.Current?.Id, conversation.Id, StringComparison.Ordinal))
        {
            _terminal.WriteOutMarkupLine($"Conversation {conversation.ShortId} is the current one.");
            return;
        }

        await SaveConversationAsync();
        await Conversations.ResumeAsync(agent, conversation, cancellationToken);
        _terminal.WriteOutMarkupLine(ConversationList.Resumed(conversation, Conversations.Store!.Time.GetUtcNow()));
        ShowLastExchange(agent.Conversation);
    }

    /// <summary>Where the conversation stopped: its last question and answer, one line each.</summary>
    private void ShowLastExchange(IReadOnlyList<ChatMessage> messages)
    {
        var question = messages.LastOrDefault(static m => m.Role == ChatRole.User)?.Text;
        var answer = messages.LastOrDefault(static m => m.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(m.Text))?.Text;
        if (question is not null)
        {
            _terminal.WriteOutMarkupLine($"[grey]  you:[/] {Markup.Escape(TextSummary.OneLine(question))}");
        }

        if (answer is not null)
        {
            _terminal.WriteOutMarkupLine($"[grey]  answer:[/] {Markup.Escape(TextSummary.OneLine(answer))}");
        }
    }

    private void NewConversationNote(string? reason) =>
        _terminal.WriteOutMarkupLine($"[yellow]{Markup.Escape(reason is null ? "Starting a new conversation." : reason + " Starting a new conversation.")}[/]");

    /// <summary>After every turn: the conversation as it now stands goes to the history (unless saving is off).</summary>
    private Task SaveConversationAsync() => Conversations.SaveAsync(_session);
}
