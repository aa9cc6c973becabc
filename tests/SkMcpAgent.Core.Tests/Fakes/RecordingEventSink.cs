using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Tests.Fakes;

/// <summary>Keeps every event, in the order published; thread-safe like a real sink must be.</summary>
public sealed class RecordingEventSink : IAgentEventSink
{
    private readonly Lock _gate = new();
    private readonly List<AgentEvent> _events = [];

    public IReadOnlyList<AgentEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Publish(AgentEvent agentEvent)
    {
        lock (_gate)
        {
            _events.Add(agentEvent);
        }
    }
}
