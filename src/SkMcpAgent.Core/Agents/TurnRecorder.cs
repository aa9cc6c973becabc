using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Agents;

/// <summary>Passes events on to the console's sink and keeps the finished calls of the current turn.</summary>
internal sealed class TurnRecorder(IAgentEventSink inner) : IAgentEventSink
{
    private readonly Lock _gate = new();
    private List<FunctionCallRecord> _calls = [];

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

    public void BeginTurn()
    {
        lock (_gate)
        {
            _calls = [];
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
