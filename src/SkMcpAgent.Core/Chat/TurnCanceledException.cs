using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Chat;

/// <summary>
/// Thrown by <see cref="FunctionInvokingChatClient.GetResponseAsync"/> when the request is cancelled after some
/// rounds completed. <see cref="Messages"/> holds them (every function call answered, interrupted ones with a
/// "cancelled" result), so a caller that keeps history can keep what already happened. It is an
/// <see cref="OperationCanceledException"/>, so code that only cares about cancellation needs no change.
/// </summary>
public sealed class TurnCanceledException : OperationCanceledException
{
    public TurnCanceledException()
    {
    }

    public TurnCanceledException(string message)
        : base(message)
    {
    }

    public TurnCanceledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TurnCanceledException(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
        : base("The turn was cancelled.", null, cancellationToken)
    {
        Messages = messages;
    }

    /// <summary>The response messages of the rounds that completed before the cancellation.</summary>
    public IReadOnlyList<ChatMessage> Messages { get; } = [];
}
