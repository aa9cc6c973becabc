namespace SkMcpAgent.Cli;

/// <summary>How single-shot answers (and errors) go to stdout: <c>--output-format text|json|stream-json</c>.</summary>
public enum OutputFormat
{
    /// <summary>The answer as it streams; traces on stderr.</summary>
    Text,

    /// <summary>One JSON object at the end (<c>--json</c>).</summary>
    Json,

    /// <summary>One JSON object per line as things happen (Claude Code's stream-json, Codex's exec --json).</summary>
    StreamJson,
}
