namespace SkMcpAgent.Cli;

/// <summary>The command the user chose, with its options.</summary>
public abstract record ParsedCommand(AgentOptions Options);

/// <summary>Chat: the REPL, or single-shot when a question is given or piped.</summary>
public sealed record ChatCommand(AgentOptions Options) : ParsedCommand(Options);

/// <summary><c>tools [server]</c>: list servers and their functions without a model.</summary>
public sealed record ToolsCommand(AgentOptions Options, string? Server) : ParsedCommand(Options);

/// <summary><c>call &lt;function&gt; [--args JSON]</c>: call one function directly.</summary>
public sealed record CallCommand(AgentOptions Options, string Function, string? ArgumentsJson) : ParsedCommand(Options);

/// <summary>Help or version text was requested; System.CommandLine prints it.</summary>
public sealed record InformationCommand(AgentOptions Options) : ParsedCommand(Options);

/// <summary>The command line was wrong; <paramref name="Message"/> says how (exit 2).</summary>
public sealed record InvalidCommand(AgentOptions Options, string Message) : ParsedCommand(Options);

/// <summary><c>mcp list</c>: the server-list files looked for, the one read, and its servers.</summary>
public sealed record McpListCommand(AgentOptions Options) : ParsedCommand(Options);

/// <summary><c>completion bash|zsh</c>: print the shell completion script.</summary>
public sealed record CompletionCommand(AgentOptions Options, string Shell) : ParsedCommand(Options);
