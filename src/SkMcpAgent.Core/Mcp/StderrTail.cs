using System.Globalization;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// The last few stderr lines of a stdio server, kept to explain why it failed. Bounded in lines and in characters:
/// a long line is cut (and says so), and old lines go once the kept text is over its budget, so a server that
/// prints megabytes on one line cannot make the agent hold them, nor make its failure reason megabytes long.
/// </summary>
internal sealed class StderrTail(int capacity = StderrTail.DefaultCapacity, int maxLineLength = StderrTail.DefaultMaxLineLength, int maxLength = StderrTail.DefaultMaxLength)
{
    public const int DefaultCapacity = 20;

    /// <summary>The most characters kept of one line; the rest is replaced by "… [cut, N more characters]".</summary>
    public const int DefaultMaxLineLength = 1_000;

    /// <summary>The most characters kept over all lines.</summary>
    public const int DefaultMaxLength = 8_000;

    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private int _length;

    /// <summary>How many characters the kept lines hold.</summary>
    public int RetainedLength
    {
        get
        {
            lock (_lock)
            {
                return _length;
            }
        }
    }

    /// <summary>Adds a line (cut when it is too long) and returns what is kept of it.</summary>
    public string Add(string line)
    {
        var kept = Cut(line, maxLineLength);
        lock (_lock)
        {
            _lines.Enqueue(kept);
            _length += kept.Length;
            while (_lines.Count > capacity || (_length > maxLength && _lines.Count > 1))
            {
                _length -= _lines.Dequeue().Length;
            }
        }

        return kept;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _lines.Clear();
            _length = 0;
        }
    }

    /// <summary>The kept lines, most recent last, or an empty string.</summary>
    public string Text()
    {
        lock (_lock)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }

    /// <summary>Other lines (the SDK's own tail) bounded the same way, most recent last.</summary>
    public static string Bounded(IEnumerable<string> lines)
    {
        var tail = new StderrTail();
        foreach (var line in lines)
        {
            tail.Add(line);
        }

        return tail.Text();
    }

    /// <summary>The line, or its first <paramref name="maxLength"/> characters and how many more there were.</summary>
    public static string Cut(string line, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length <= maxLength)
        {
            return line;
        }

        // Never split a surrogate pair: the cut half would be an invalid character on the terminal.
        var keep = char.IsHighSurrogate(line[maxLength - 1]) ? maxLength - 1 : maxLength;
        return string.Create(CultureInfo.InvariantCulture, $"{line.AsSpan(0, keep)}… [cut, {line.Length - keep} more characters]");
    }
}
