namespace SkMcpAgent.Core.Configuration;

/// <summary>
/// One entry of the MCP server list, with variables already expanded and relative paths resolved against the
/// config file's folder. Stdio entries use <see cref="Command"/>, <see cref="Args"/>, <see cref="Env"/> and
/// <see cref="Cwd"/>; remote entries use <see cref="Url"/> and <see cref="Headers"/>.
/// </summary>
public sealed partial record McpServerConfig
{
    /// <summary>The key of the entry; it prefixes the server's function names.</summary>
    public required string Name { get; init; }

    public McpTransportKind Transport { get; init; } = McpTransportKind.Stdio;

    public string? Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>
    /// Variables for a stdio child. The child sees only these plus a few safe defaults (PATH, HOME, ...), never the
    /// agent's whole environment, so API keys stay in the agent.
    /// </summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public string? Cwd { get; init; }

    public string? Url { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public bool Disabled { get; init; }

    /// <summary>How long start-up (process launch and handshake) may take; null means the hub's default.</summary>
    public TimeSpan? StartupTimeout { get; init; }

    /// <summary>How long one tool call may take before it is cancelled; null means no limit of our own.</summary>
    public TimeSpan? ToolTimeout { get; init; }

    /// <summary>When set, only these tools (original MCP names) become functions.</summary>
    public IReadOnlyList<string>? AllowedTools { get; init; }

    /// <summary>Tools (original MCP names) that never become functions.</summary>
    public IReadOnlyList<string>? ExcludedTools { get; init; }

    /// <summary>True when the tool may become a function under <see cref="AllowedTools"/> and <see cref="ExcludedTools"/>.</summary>
    public bool IsToolAllowed(string toolName) =>
        (AllowedTools is null || AllowedTools.Contains(toolName, StringComparer.Ordinal))
        && (ExcludedTools is null || !ExcludedTools.Contains(toolName, StringComparer.Ordinal));
}
