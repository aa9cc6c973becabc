using SkMcpAgent.Core.Approval;

namespace SkMcpAgent.Cli;

/// <summary>What the command line asked for, after parsing; the same for every mode.</summary>
public sealed record AgentOptions
{
    /// <summary>The question from the positional words or <c>--prompt</c>; null when none was given.</summary>
    public string? Question { get; init; }

    /// <summary>How answers and errors go to stdout (<c>--output-format</c>; <c>--json</c> is <see cref="OutputFormat.Json"/>).</summary>
    public OutputFormat Format { get; init; }

    /// <summary>Machine-readable output: <c>tools</c> and <c>call</c> print their JSON for json and stream-json alike.</summary>
    public bool Json => Format != OutputFormat.Text;

    public string? EnvFile { get; init; }

    /// <summary>The model (Azure: deployment) instead of the env file's (<c>--model</c>).</summary>
    public string? Model { get; init; }

    public string? ConfigFile { get; init; }

    public int? MaxRounds { get; init; }

    public ApprovalMode? Approve { get; init; }

    /// <summary>Folders declared to every server as roots (<c>--root</c>, repeatable).</summary>
    public IReadOnlyList<string> Roots { get; init; } = [];

    /// <summary>How long one function call may run (<c>--tool-timeout</c>); null for the default, infinite for none.</summary>
    public TimeSpan? ToolTimeout { get; init; }

    public string? SystemPrompt { get; init; }

    public bool Verbose { get; init; }

    public bool Quiet { get; init; }

    public bool NoColor { get; init; }

    /// <summary>Forces the REPL even when stdin is redirected (scripts, tests, benchmarks).</summary>
    public bool Interactive { get; init; }

    /// <summary>Continue the most recent conversation of the current folder (<c>--continue</c>).</summary>
    public bool Continue { get; init; }

    /// <summary><c>--resume</c> was given: with <see cref="ResumeId"/> that conversation, without it a pick from the list.</summary>
    public bool Resume { get; init; }

    /// <summary>The id (or a unique prefix) given to <c>--resume</c>; null to pick from the list.</summary>
    public string? ResumeId { get; init; }

    /// <summary>Keep this conversation out of the history (<c>--no-save</c>).</summary>
    public bool NoSave { get; init; }
}
