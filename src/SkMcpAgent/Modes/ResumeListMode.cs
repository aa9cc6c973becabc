using SkMcpAgent.Cli;
using SkMcpAgent.Core;
using SkMcpAgent.Rendering;
using SkMcpAgent.Session;

namespace SkMcpAgent.Modes;

/// <summary>
/// What a single-shot run cannot resume, refused before stdin is read or any server starts (exit 2): <c>--resume</c>
/// without an id, where nobody can pick (the list is printed so the user sees the ids), and <c>--continue</c> or
/// <c>--resume ID</c> that name no saved conversation.
/// </summary>
public static class ResumeListMode
{
    public static void RefuseWhatCannotResume(AgentOptions options, Terminal terminal, SessionSetup setup)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var conversations = SavedConversations.Create(options, terminal, setup);
        if (conversations.FindRequested() is { Problem: { } problem })
        {
            throw new AgentConfigurationException(problem);
        }

        if (!conversations.PickFromList)
        {
            return;
        }

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
