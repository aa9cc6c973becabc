using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SkMcpAgent.Testing.Logging;

/// <summary>
/// A logger factory that keeps every entry at every level (Trace included) with its structured state and exception,
/// for asserting what was logged (and that secrets never were), and lets a test wait for an entry to arrive.
/// </summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();
    private readonly ConcurrentBag<(string Text, TaskCompletionSource<CapturedLogEntry> Done)> _waiters = [];

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    /// <summary>Every entry, one per line, with properties and exceptions.</summary>
    public string AllText => string.Join('\n', _entries);

    /// <summary>Completes with the first entry whose message contains <paramref name="text"/> (already logged or still to come).</summary>
    public Task<CapturedLogEntry> WaitForAsync(string text)
    {
        var done = new TaskCompletionSource<CapturedLogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((text, done));
        foreach (var entry in _entries.Where(e => e.Message.Contains(text, StringComparison.Ordinal)))
        {
            done.TrySetResult(entry);
        }

        return done.Task.WaitAsync(TestTimeouts.Default);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Record(CapturedLogEntry entry)
    {
        _entries.Enqueue(entry);
        foreach (var (text, done) in _waiters.Where(w => entry.Message.Contains(w.Text, StringComparison.Ordinal)))
        {
            done.TrySetResult(entry);
        }
    }

    private sealed class Logger(string category, CapturingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.Record(new CapturedLogEntry(logLevel, category, formatter(state, exception), properties, exception));
        }
    }
}
