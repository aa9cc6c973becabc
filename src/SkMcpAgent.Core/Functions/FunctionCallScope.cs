using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Functions;

/// <summary>
/// The function call running on the current async flow. The auto-function-calling middleware enters a scope
/// around each call; code deep inside the call (an MCP tool reporting progress) reads <see cref="Current"/> to
/// publish events tagged with the right call id, without the function having to know who called it.
/// </summary>
public sealed class FunctionCallScope
{
    private static readonly AsyncLocal<FunctionCallScope?> s_current = new();

    private FunctionCallScope(string callId, string functionName, IAgentEventSink events)
    {
        CallId = callId;
        FunctionName = functionName;
        Events = events;
    }

    /// <summary>The call on this async flow, or null outside any call.</summary>
    public static FunctionCallScope? Current => s_current.Value;

    public string CallId { get; }

    public string FunctionName { get; }

    public IAgentEventSink Events { get; }

    /// <summary>Makes a call current until the returned handle is disposed.</summary>
    public static IDisposable Enter(string callId, string functionName, IAgentEventSink events)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentNullException.ThrowIfNull(events);

        var previous = s_current.Value;
        s_current.Value = new FunctionCallScope(callId, functionName, events);
        return new Exit(previous);
    }

    /// <summary>Publishes a progress event for this call.</summary>
    public void ReportProgress(double progress, double? total, string? message) =>
        Events.Publish(new FunctionCallProgressed(CallId, FunctionName, progress, total, message));

    private sealed class Exit(FunctionCallScope? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
