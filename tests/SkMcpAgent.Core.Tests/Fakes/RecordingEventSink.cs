using System.Collections.Concurrent;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Tests.Fakes;

/// <summary>Keeps every event and lets a test wait for the first one that matches.</summary>
public sealed class RecordingEventSink : IAgentEventSink
{
    private readonly ConcurrentQueue<AgentEvent> _events = new();
    private readonly List<(Func<AgentEvent, bool> Match, TaskCompletionSource<AgentEvent> Done)> _waiters = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<AgentEvent> Events => [.. _events];

    public void Publish(AgentEvent agentEvent)
    {
        lock (_lock)
        {
            _events.Enqueue(agentEvent);
            foreach (var waiter in _waiters.Where(w => w.Match(agentEvent)).ToList())
            {
                waiter.Done.TrySetResult(agentEvent);
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>The first event (already seen or still to come) that matches, bounded by the default timeout.</summary>
    public Task<T> WaitForAsync<T>(Func<T, bool> match)
        where T : AgentEvent
    {
        var done = new TaskCompletionSource<AgentEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            var seen = _events.OfType<T>().FirstOrDefault(match);
            if (seen is not null)
            {
                return Task.FromResult(seen);
            }

            _waiters.Add((e => e is T t && match(t), done));
        }

        return Wait(done.Task);

        static async Task<T> Wait(Task<AgentEvent> task) => (T)await task.WaitAsync(Testing.TestTimeouts.Default);
    }
}
