namespace SkMcpAgent.Hosting;

/// <summary>
/// Ctrl+C as an event the current activity can claim. The innermost handler wins (a running turn before the
/// prompt); with no handler the interrupt is not claimed and the process ends the default way.
/// </summary>
public sealed class InterruptSource
{
    private readonly Lock _gate = new();
    private readonly List<Action> _handlers = [];

    /// <summary>Routes interrupts to <paramref name="handler"/> until the returned handle is disposed.</summary>
    public IDisposable Register(Action handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers.Add(handler);
        }

        return new Registration(this, handler);
    }

    /// <summary>Delivers one interrupt; true when a handler took it (so the process must not end).</summary>
    public bool Raise()
    {
        Action? handler;
        lock (_gate)
        {
            handler = _handlers.Count > 0 ? _handlers[^1] : null;
        }

        handler?.Invoke();
        return handler is not null;
    }

    private void Unregister(Action handler)
    {
        lock (_gate)
        {
            _handlers.Remove(handler);
        }
    }

    private sealed class Registration(InterruptSource owner, Action handler) : IDisposable
    {
        public void Dispose() => owner.Unregister(handler);
    }
}
