namespace SkMcpAgent.Core.Conversations;

/// <summary>The conversations of a history folder, newest first, and the files in it that were skipped.</summary>
/// <param name="Skipped">One line per file that is not a readable conversation: its name and why (for a warning).</param>
public sealed record ConversationListing(IReadOnlyList<ConversationInfo> Conversations, IReadOnlyList<string> Skipped);
