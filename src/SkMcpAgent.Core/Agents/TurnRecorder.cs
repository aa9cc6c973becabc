using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Agents;

/// <summary>
/// What the agent keeps of the turn in progress: the finished calls (passing every event on to the console's sink),
/// the turn's cancellation, and the conversation as the function-calling loop last sent it. When a turn is cancelled
/// or a later round fails, that conversation holds the rounds that completed (their calls ran and may have had side
/// effects the model must know about), which SK's loop does not return on an exception.
/// </summary>
internal sealed class TurnRecorder(IAgentEventSink inner) : IAgentEventSink
{
    private readonly Lock _gate = new();
    private List<FunctionCallRecord> _calls = [];
    private IList<ChatMessage>? _messages;

    public IReadOnlyList<FunctionCallRecord> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Cancels the whole turn (Ctrl+C), as opposed to one call's timeout.</summary>
    public CancellationToken CancellationToken { get; private set; }

    public void BeginTurn(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls = [];
            _messages = null;
            CancellationToken = cancellationToken;
        }
    }

    /// <summary>Remembers the loop's conversation (one list for the whole turn, to which it appends each round).</summary>
    public void ObserveMessages(IList<ChatMessage> messages)
    {
        lock (_gate)
        {
            _messages = messages;
        }
    }

    /// <summary>The messages the loop added after the first <paramref name="count"/> (the history it was given).</summary>
    public List<ChatMessage> MessagesAfter(int count)
    {
        lock (_gate)
        {
            return _messages is null ? [] : [.. _messages.Skip(count)];
        }
    }

    public void Publish(AgentEvent agentEvent)
    {
        if (agentEvent is FunctionCallFinished finished)
        {
            lock (_gate)
            {
                _calls.Add(new FunctionCallRecord(
                    finished.CallId,
                    finished.FunctionName,
                    finished.ServerName,
                    finished.Arguments,
                    finished.Succeeded,
                    finished.Duration,
                    finished.ResultText));
            }
        }

        inner.Publish(agentEvent);
    }
}
