namespace SkMcpAgent.Core.Agents;

/// <summary>
/// A saved conversation could not be loaded (missing file, not JSON, not a conversation). The message names the
/// file and the problem and is meant to be shown to the user as is.
/// </summary>
public sealed class ConversationFileException : Exception
{
    public ConversationFileException()
    {
    }

    public ConversationFileException(string message)
        : base(message)
    {
    }

    public ConversationFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
