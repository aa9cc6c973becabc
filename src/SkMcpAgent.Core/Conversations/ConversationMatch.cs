namespace SkMcpAgent.Core.Conversations;

/// <summary>The conversation an id (or id prefix) names, or why none: not found, or more than one.</summary>
public sealed record ConversationMatch(ConversationInfo? Conversation, string? Problem)
{
    public static ConversationMatch Found(ConversationInfo conversation) => new(conversation, null);

    public static ConversationMatch NotFound(string problem) => new(null, problem);
}
