namespace SkMcpAgent.Core.Events;

/// <summary>
/// Receives <see cref="AgentEvent"/>s. Implementations must be thread-safe and quick: events arrive from
/// concurrent function calls and from MCP notification handlers.
/// </summary>
public interface IAgentEventSink
{
    void Publish(AgentEvent agentEvent);
}
