namespace SkMcpAgent.Core.Events;

/// <summary>Something the console may show while the agent works. Published through <see cref="IAgentEventSink"/>.</summary>
public abstract record AgentEvent;
