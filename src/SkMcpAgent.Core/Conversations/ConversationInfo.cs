namespace SkMcpAgent.Core.Conversations;

/// <summary>
/// What a saved conversation's header says about it, enough to list and pick it without reading its messages.
/// </summary>
/// <param name="Id">The conversation's id (a GUID in its <c>D</c> form); its file is <c>&lt;id&gt;.json</c>.</param>
/// <param name="Folder">The working folder the conversation belongs to (<c>--continue</c> picks within it).</param>
/// <param name="Title">The first question, on one line and cut short.</param>
/// <param name="Turns">How many questions the user asked (user messages).</param>
/// <param name="FilePath">Where the conversation was read from or will be written.</param>
public sealed record ConversationInfo(
    string Id,
    string Folder,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Title,
    int Turns,
    string? Provider,
    string? Model,
    string FilePath)
{
    /// <summary>The id as lists show it: its first eight characters (any unique prefix is accepted).</summary>
    public string ShortId => Id.Length > 8 ? Id[..8] : Id;
}
