namespace SkMcpAgent.Cli;

/// <summary>The process exit codes, as documented in --help and the README.</summary>
public static class ExitCodes
{
    /// <summary>
    /// The question was answered (or the command did its job). A single-shot answer counts even when a function the
    /// model called failed: the model read the failure and answered; <c>--json</c> marks that call <c>ok: false</c>.
    /// </summary>
    public const int Success = 0;

    /// <summary>A failure at run time: the provider failed, every MCP server is down, <c>call</c>'s function failed or timed out.</summary>
    public const int RuntimeError = 1;

    /// <summary>Bad usage or configuration: unknown option, malformed mcp.json, no provider configured, more functions than the provider accepts.</summary>
    public const int UsageError = 2;

    /// <summary>Cancelled by Ctrl+C (SIGINT), as shells report 128 + 2.</summary>
    public const int Cancelled = 130;
}
