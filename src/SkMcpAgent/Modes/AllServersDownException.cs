namespace SkMcpAgent.Modes;

/// <summary>Single-shot with servers configured and none of them up: a run-time failure (exit 1).</summary>
public sealed class AllServersDownException(string message) : Exception(message)
{
    /// <summary>The stderr line when the failures were already shown there; null to show the whole message.</summary>
    public string? TerminalMessage { get; init; }
}
