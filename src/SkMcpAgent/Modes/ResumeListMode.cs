using SkMcpAgent.Cli;
using SkMcpAgent.Core;
using SkMcpAgent.Rendering;
using SkMcpAgent.Session;

namespace SkMcpAgent.Modes;

/// <summary>
/// <c>--resume</c> without an id where nobody can pick (single-shot, or stdin not a terminal): the list, so the user
/// sees the ids, then a usage error (exit 2) saying how to name one.
/// </summary>
public static class ResumeListMode
{
    /// <summary>True when <paramref name="options"/> ask to pick a conversation but the run cannot ask.</summary>
    public static bool CannotPick(AgentOptions options, bool inputRedirected)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options is { Resume: true, ResumeId: null } && (options.Question is not null || (!options.Interactive && inputRedirected));
    }

    public static int Run(AgentOptions options, Terminal terminal, SessionSetup setup)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        var conversations = SavedConversations.Create(options, terminal, setup);
        var list = conversations.List();
        if (list.Count == 0)
        {
            throw new AgentConfigurationException($"No saved conversation in {conversations.WorkingFolder} to resume.");
        }

        if (!options.Json)
        {
            ConversationList.Render(terminal, list, conversations.Store!.Time.GetUtcNow());
        }

        throw new AgentConfigurationException(
            "--resume without an id lists the conversations to pick from in the REPL, and this run cannot ask; " +
            "give an id from the list: --resume <id> \"question\" (or --continue for the newest).");
    }
}
