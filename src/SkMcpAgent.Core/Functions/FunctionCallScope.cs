using System.Diagnostics;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Functions;

/// <summary>
/// The function call running on the current async flow: what Semantic Kernel's function pipeline does not carry.
/// The agent enters a scope around each call (it knows the model's call id); code deep inside the call reads
/// <see cref="Current"/> to publish progress for the right call (an MCP tool's progress notifications), and the
/// timeout filter cancels just this call through it: SK hands every function the turn's token, which a filter
/// cannot replace.
/// </summary>
public sealed class FunctionCallScope : IDisposable
{
    private static readonly AsyncLocal<FunctionCallScope?> s_current = new();

    private readonly FunctionCallScope? _previous;
    private readonly CancellationTokenSource _cancellation = new();
    private long _started;
    private bool _disposed;

    private FunctionCallScope(string callId, string functionName, string? serverName, IAgentEventSink events, FunctionCallScope? previous)
    {
        CallId = callId;
        FunctionName = functionName;
        ServerName = serverName;
        Events = events;
        _previous = previous;
    }

    /// <summary>The call on this async flow, or null outside any call.</summary>
    public static FunctionCallScope? Current => s_current.Value;

    public string CallId { get; }

    /// <summary>The name the model used, e.g. <c>weather_get_forecast</c>.</summary>
    public string FunctionName { get; }

    /// <summary>The MCP server behind the function, or null for a local function.</summary>
    public string? ServerName { get; }

    public IAgentEventSink Events { get; }

    /// <summary>Cancelled when this call alone must stop (its timeout fired); the turn's token is separate.</summary>
    public CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>True once the function itself started (it was not refused before running).</summary>
    public bool Started => _started != 0;

    /// <summary>How long the function itself has run (zero if it never started).</summary>
    public TimeSpan Duration { get; private set; }

    /// <summary>Makes a call current until the returned scope is disposed.</summary>
    public static FunctionCallScope Enter(string callId, string functionName, string? serverName, IAgentEventSink events)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentNullException.ThrowIfNull(events);

        var scope = new FunctionCallScope(callId, functionName, serverName, events, s_current.Value);
        s_current.Value = scope;
        return scope;
    }

    /// <summary>
    /// A token that stops the function when either the caller's token or this call's own cancellation fires. An
    /// MCP function links its request to it, so a timeout cancels the request on the server too.
    /// </summary>
    public static CancellationTokenSource LinkCurrent(CancellationToken cancellationToken) =>
        Current is { } scope
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, scope.CancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

    /// <summary>Stops this call after <paramref name="timeout"/>.</summary>
    public void CancelAfter(TimeSpan timeout) => _cancellation.CancelAfter(timeout);

    /// <summary>Marks the start of the function itself and tells the console.</summary>
    public void MarkStarted(IReadOnlyDictionary<string, object?> arguments)
    {
        _started = Stopwatch.GetTimestamp();
        Events.Publish(new FunctionCallStarted(CallId, FunctionName, ServerName, arguments));
    }

    /// <summary>Marks the end of the function itself.</summary>
    public void MarkFinished()
    {
        if (_started != 0)
        {
            Duration = Stopwatch.GetElapsedTime(_started);
        }
    }

    /// <summary>Publishes a progress event for this call.</summary>
    public void ReportProgress(double progress, double? total, string? message) =>
        Events.Publish(new FunctionCallProgressed(CallId, FunctionName, progress, total, message));

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        s_current.Value = _previous;
        _cancellation.Dispose();
    }
}
