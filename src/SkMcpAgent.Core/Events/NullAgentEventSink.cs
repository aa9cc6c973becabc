namespace SkMcpAgent.Core.Events;

/// <summary>A sink that drops every event, for callers that do not watch.</summary>
public sealed class NullAgentEventSink : IAgentEventSink
{
    public static NullAgentEventSink Instance { get; } = new();

    public void Publish(AgentEvent agentEvent)
    {
    }
}
