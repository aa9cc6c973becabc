using Microsoft.Extensions.Logging;

namespace SkMcpAgent.Testing.Logging;

/// <summary>One log call as a logger received it.</summary>
public sealed record CapturedLogEntry(LogLevel Level, string Category, string Message, string Properties, Exception? Exception)
{
    /// <summary>Everything the entry carries as one line, so a test can assert what must never appear (a key, say).</summary>
    public override string ToString() => $"{Level} {Category}: {Message} [{Properties}] {Exception}";
}
