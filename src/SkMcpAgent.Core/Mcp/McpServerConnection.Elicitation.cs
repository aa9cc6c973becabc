using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Approval;

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    /// <summary>
    /// A server asks the user for input. Whoever can answer does: the REPL's form; else, under <c>--approve auto</c>,
    /// the form's defaults when every field has one; else it is declined. Every request is shown as a line.
    /// </summary>
    private async ValueTask<ElicitResult> HandleElicitationAsync(ElicitRequestParams? request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var isUrl = string.Equals(request.Mode, "url", StringComparison.Ordinal);
        Notify(isUrl ? $"asks you to visit {request.Url}: {request.Message}" : $"asks for input: {request.Message}");

        var mode = _options.Approval?.Mode ?? ApprovalMode.Auto;
        if (mode == ApprovalMode.Deny)
        {
            return Declined("declined (--approve deny)");
        }

        if (_options.ElicitationPrompt is { } prompt)
        {
            var answer = await prompt.AskAsync(Name, request, cancellationToken);
            McpLog.Elicitation(_logger, Name, answer.Action);
            return answer;
        }

        if (!isUrl && mode == ApprovalMode.Auto && ElicitationForms.DefaultsOnly(request) is { } defaults)
        {
            Notify("answered with the form's defaults (--approve auto)");
            McpLog.Elicitation(_logger, Name, "accepted with defaults");
            return new ElicitResult { Action = "accept", Content = defaults };
        }

        return Declined(isUrl
            ? "declined: nobody here to visit it (use the REPL)"
            : "declined: nobody here to answer (use the REPL, or --approve auto when every field has a default)");
    }

    private ElicitResult Declined(string why)
    {
        Notify(why);
        McpLog.Elicitation(_logger, Name, why);
        return new ElicitResult { Action = "decline" };
    }
}
