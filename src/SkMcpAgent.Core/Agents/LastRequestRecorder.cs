using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Agents;

/// <summary>
/// Remembers the messages of the last non-streaming request. When a later round of a turn fails, that request holds
/// the rounds that completed before it (their calls ran and may have had side effects), which the agent keeps.
/// </summary>
internal sealed class LastRequestRecorder(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    public IReadOnlyList<ChatMessage> LastMessages { get; private set; } = [];

    public void Forget() => LastMessages = [];

    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        LastMessages = [.. messages];
        return base.GetResponseAsync(LastMessages, options, cancellationToken);
    }
}
