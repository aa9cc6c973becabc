using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>Records every log entry and lets a test wait for one that contains a text.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();
    private readonly ConcurrentBag<(string Text, TaskCompletionSource<(LogLevel, string)> Done)> _waiters = [];

    public Task<(LogLevel Level, string Message)> WaitForAsync(string text)
    {
        var done = new TaskCompletionSource<(LogLevel, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((text, done));
        foreach (var entry in _entries.Where(e => e.Message.Contains(text, StringComparison.Ordinal)))
        {
            done.TrySetResult(entry);
        }

        return done.Task.WaitAsync(Testing.TestTimeouts.Default);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Record(LogLevel level, string message)
    {
        _entries.Enqueue((level, message));
        foreach (var (text, done) in _waiters.Where(w => message.Contains(w.Text, StringComparison.Ordinal)))
        {
            done.TrySetResult((level, message));
        }
    }

    private sealed class Logger(CapturingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Record(logLevel, formatter(state, exception));
    }
}
