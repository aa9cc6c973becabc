using System.Runtime.InteropServices;

namespace SkMcpAgent.Hosting;

/// <summary>
/// What must happen before the process ends on SIGTERM (a service manager stopping the agent, <c>kill</c>): the
/// sessions stop their MCP servers with their whole process trees, which the runtime's default exit would orphan.
/// Ctrl+C (SIGINT) goes through <see cref="InterruptSource"/> instead and ends the activity, not the process.
/// </summary>
public sealed class TerminationHooks
{
    /// <summary>The longest SIGTERM waits for the hooks before the process ends anyway.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _hooks = [];

    /// <summary>Runs <paramref name="hook"/> on termination until the returned handle is disposed.</summary>
    public IDisposable Register(Func<Task> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (_gate)
        {
            _hooks.Add(hook);
        }

        return new Registration(this, hook);
    }

    /// <summary>Runs every registered hook at once and waits for them, at most <see cref="Bound"/>.</summary>
    public void RunAll()
    {
        Func<Task>[] hooks;
        lock (_gate)
        {
            hooks = [.. _hooks];
        }

        try
        {
            Task.WhenAll(hooks.Select(static hook => Task.Run(hook))).Wait(Bound);
        }
        catch (AggregateException)
        {
            // The process is ending; a hook that failed has done what it could.
        }
    }

    /// <summary>Runs the hooks on SIGTERM, then lets the process end as it would have (exit code 143).</summary>
    public PosixSignalRegistration HandleSigterm() =>
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => RunAll());

    private void Unregister(Func<Task> hook)
    {
        lock (_gate)
        {
            _hooks.Remove(hook);
        }
    }

    private sealed class Registration(TerminationHooks owner, Func<Task> hook) : IDisposable
    {
        public void Dispose() => owner.Unregister(hook);
    }
}
