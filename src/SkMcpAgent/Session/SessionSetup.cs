using Microsoft.Extensions.AI;

namespace SkMcpAgent.Session;

/// <summary>What a host may substitute when building a session: tests give a fake chat client instead of a provider.</summary>
public sealed class SessionSetup
{
    public static SessionSetup Default { get; } = new();

    /// <summary>Used instead of the provider from the env file when set.</summary>
    public IChatClient? ChatClient { get; init; }

    public string? ProviderName { get; init; }

    public string? Model { get; init; }

    /// <summary>Where to start looking for the repository's mcp.json (the executable's folder by default).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Key presses for the line editor instead of the console (tests drive the real key handling with it).</summary>
    public RadLine.IInputSource? Keys { get; init; }

    /// <summary>The user-level server list looked for after the project's; null for the default (~/.config/skmcpagent/mcp.json).</summary>
    public string? UserConfigFile { get; init; }

    /// <summary>True for the executable, whose process ends with the session: servers' leftovers are then the watchdog's to stop.</summary>
    public bool ProcessEndsWithSession { get; init; }

    /// <summary>The history file for line editing; null keeps no history.</summary>
    public string? HistoryFile { get; init; }

    /// <summary>The conversation history folder; null keeps no history (nothing saved, nothing to resume).</summary>
    public string? ConversationFolder { get; init; }
}
