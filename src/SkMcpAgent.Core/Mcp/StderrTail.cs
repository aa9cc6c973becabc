namespace SkMcpAgent.Core.Mcp;

/// <summary>The last few stderr lines of a stdio server, kept to explain why it failed.</summary>
internal sealed class StderrTail(int capacity = 20)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _firstLine = NewSignal();

    public void Add(string line)
    {
        lock (_lock)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
            _firstLine.TrySetResult();
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _lines.Clear();
            _firstLine = NewSignal();
        }
    }

    /// <summary>
    /// Waits, at most <paramref name="limit"/>, until a line has arrived. A child that prints its reason and exits at
    /// once often breaks the pipe before its stderr has been read: the reason is on its way, not missing.
    /// </summary>
    public async Task WaitForAnyLineAsync(TimeSpan limit)
    {
        Task signal;
        lock (_lock)
        {
            signal = _firstLine.Task;
        }

        try
        {
            await signal.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The server said nothing on stderr; the failure is described without it.
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The kept lines, most recent last, or an empty string.</summary>
    public string Text()
    {
        lock (_lock)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }
}
