using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Sessions;

/// <summary>What <see cref="AgentRuntime.Create"/> builds a session from.</summary>
public sealed class AgentRuntimeOptions
{
    /// <summary>The server list as JSON text (<c>--config '{...}'</c>), used instead of <see cref="ConfigPath"/>.</summary>
    public string? ConfigJson { get; init; }

    /// <summary>The model (Azure: the deployment) instead of the env file's (<c>--model</c>); null keeps the file's.</summary>
    public string? Model { get; init; }

    /// <summary>Asks for a VS Code <c>${input:id}</c> the environment does not supply (the REPL); null in single-shot.</summary>
    public IMcpInputSource? Inputs { get; init; }

    /// <summary>The folder relative paths resolve against (the user's current directory).</summary>
    public required string CurrentDirectory { get; init; }

    /// <summary>The env file named by the user (--env-file), or null for <c>./.env</c> if present.</summary>
    public string? EnvFile { get; init; }

    /// <summary>The MCP server list to load, or null for none.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>False: no provider is read at all (listing and calling functions need no model).</summary>
    public bool WithModel { get; init; } = true;

    /// <summary>True: a missing or incomplete provider is a configuration error; false: it becomes a hint.</summary>
    public bool ModelRequired { get; init; }

    /// <summary>Used instead of the provider from the env file when set (tests give a fake).</summary>
    public IChatClient? ChatClient { get; init; }

    /// <summary>
    /// True (the REPL): the provider's client is built on the thread pool while the caller goes on (the prompt shows
    /// ~0.1 s sooner); the first question waits for it. False: built before <see cref="AgentRuntime.Create"/> returns.
    /// </summary>
    public bool BuildsChatClientInBackground { get; init; }

    public string? SystemPrompt { get; init; }

    public int? MaxRounds { get; init; }

    /// <summary>
    /// How long one function call may run (the model's calls and <c>call</c>); null means
    /// <see cref="Filters.FunctionTimeoutFilter.DefaultTimeout"/>, <see cref="Timeout.InfiniteTimeSpan"/> no limit.
    /// </summary>
    public TimeSpan? FunctionTimeout { get; init; }

    public ApprovalMode Approval { get; init; } = ApprovalMode.Auto;

    /// <summary>Folders declared as roots to every server (<c>--root</c>), relative to <see cref="CurrentDirectory"/>.</summary>
    public IReadOnlyList<string> Roots { get; init; } = [];

    /// <summary>Receives server and function-call events (the console renders them).</summary>
    public IAgentEventSink Events { get; init; } = NullAgentEventSink.Instance;

    /// <summary>The process ends when the session is disposed (the executable): see <see cref="Mcp.McpHubOptions.ProcessEndsOnDispose"/>.</summary>
    public bool ProcessEndsOnDispose { get; init; }

    /// <summary>Owned by the caller.</summary>
    public required ILoggerFactory LoggerFactory { get; init; }
}
