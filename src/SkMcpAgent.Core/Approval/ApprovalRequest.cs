namespace SkMcpAgent.Core.Approval;

/// <summary>What needs approval: a function call, or a server's request to use the model (sampling).</summary>
/// <param name="FunctionName">The function the model asked for, or <c>sampling:&lt;server&gt;</c> for sampling.</param>
/// <param name="ServerName">The MCP server involved, if any.</param>
/// <param name="Arguments">The call's arguments, or the sampling request's summary.</param>
public sealed record ApprovalRequest(
    string FunctionName,
    string? ServerName,
    IReadOnlyDictionary<string, object?> Arguments);
