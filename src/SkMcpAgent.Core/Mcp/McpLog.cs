using Microsoft.Extensions.Logging;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Mcp;

internal static partial class McpLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP server '{Server}' is {State}: {Detail}")]
    public static partial void StateChanged(ILogger logger, string server, ServerState state, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MCP server '{Server}' disconnected ({Reason}); it is restarted on its next use")]
    public static partial void Disconnected(ILogger logger, string server, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MCP server '{Server}' restart attempt {Attempt} failed")]
    public static partial void RestartFailed(ILogger logger, string server, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP server '{Server}' could not be closed cleanly")]
    public static partial void DisposeFailed(ILogger logger, string server, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MCP server '{Server}': refreshing its tools after tools/list_changed failed")]
    public static partial void RefreshFailed(ILogger logger, string server, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MCP server '{Server}': {Warning}")]
    public static partial void ToolSkipped(ILogger logger, string server, string warning);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP server '{Server}': stopped {Count} process(es) it had started and left running.")]
    public static partial void LeftoverProcessesStopped(ILogger logger, string server, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP server '{Server}' stderr: {Line}")]
    public static partial void StderrLine(ILogger logger, string server, string line);

    [LoggerMessage(Message = "MCP server '{Server}' log ({Source}): {Data}")]
    public static partial void ServerLog(ILogger logger, LogLevel level, string server, string? source, string data);

    [LoggerMessage(Level = LogLevel.Information, Message = "MCP server '{Server}' asked for sampling; {Decision}")]
    public static partial void Sampling(ILogger logger, string server, string decision);

    [LoggerMessage(Level = LogLevel.Information, Message = "MCP server '{Server}' negotiated protocol {Offered} instead of {Requested}; reconnecting with it")]
    public static partial void ProtocolDowngrade(ILogger logger, string server, string requested, string offered);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP server '{Server}' did not exit within {GraceMilliseconds} ms of its input closing; its process tree was killed")]
    public static partial void KilledAfterGrace(ILogger logger, string server, int graceMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP server '{Server}' did not exit within {WaitMilliseconds} ms of its input closing; sent SIGTERM to {Count} process(es)")]
    public static partial void TerminatedAfterWait(ILogger logger, string server, int waitMilliseconds, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP server '{Server}': SIGTERM could not be sent ({Reason}); it is killed after the grace instead")]
    public static partial void TerminateUnavailable(ILogger logger, string server, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "MCP server '{Server}' answered Streamable HTTP with {Status}; trying legacy SSE")]
    public static partial void FallingBackToSse(ILogger logger, string server, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "MCP server '{Server}' asked for input (elicitation); {Decision}")]
    public static partial void Elicitation(ILogger logger, string server, string decision);
}
