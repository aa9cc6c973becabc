namespace SkMcpAgent.Core.Events;

/// <summary>Where an MCP server connection stands.</summary>
public enum ServerState
{
    Disabled,
    Connecting,
    Ready,
    Failed,
    Restarting,
}

/// <summary>An MCP server connection changed state; <paramref name="Detail"/> says why (a failure reason, a restart).</summary>
public sealed record ServerStateChanged(string ServerName, ServerState State, string? Detail) : AgentEvent;

/// <summary>The set of functions of a server changed (connected, reconnected, or <c>notifications/tools/list_changed</c>).</summary>
public sealed record ServerFunctionsChanged(string ServerName, int FunctionCount) : AgentEvent;

/// <summary>
/// Something about a server the user should know although it still works: a tool it lists was skipped (its schema
/// is unusable). <paramref name="Message"/> names what, and why.
/// </summary>
public sealed record ServerWarning(string ServerName, string Message) : AgentEvent;

/// <summary>
/// A server is asking the user or the model for something (authorization, input, a sampling request):
/// shown whatever the mode, so that nothing a server does on the user's behalf goes unseen.
/// </summary>
public sealed record ServerNotice(string ServerName, string Message) : AgentEvent;
