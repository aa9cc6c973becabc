using ModelContextProtocol;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// Forwards MCP progress notifications to the function call that started the request. The scope is captured when
/// the call starts: notifications arrive on the transport's reader, outside the call's async flow.
/// </summary>
internal sealed class ScopeProgress(FunctionCallScope scope) : IProgress<ProgressNotificationValue>
{
    public void Report(ProgressNotificationValue value) =>
        scope.ReportProgress(value.Progress, value.Total, value.Message);
}
