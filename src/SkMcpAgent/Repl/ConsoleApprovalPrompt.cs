using Spectre.Console;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Repl;

/// <summary>
/// Asks on the terminal before a call runs (<c>--approve ask</c>): y = once, a = always for this function this
/// session, n (or end of input) = deny.
/// </summary>
public sealed class ConsoleApprovalPrompt(Terminal terminal, ILineReader reader) : IApprovalPrompt
{
    public async ValueTask<ApprovalDecision> AskAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var server = request.ServerName is null ? string.Empty : $" [grey](server {Markup.Escape(request.ServerName)})[/]";
        terminal.WriteErrMarkupLine(
            $"[yellow]?[/] Allow [bold]{Markup.Escape(request.FunctionName)}[/]({Markup.Escape(TextSummary.Arguments(request.Arguments, 200))}){server}");
        while (true)
        {
            var answer = await reader.ReadLineAsync("  [y] once, [a] always for this function, [n] deny: ", cancellationToken);
            var decision = Parse(answer);
            if (decision is not null)
            {
                return decision.Value;
            }

            terminal.WriteErrMarkupLine("  Please answer y, a or n.");
        }
    }

    /// <summary>Maps an answer to a decision; null when it should be asked again. End of input denies.</summary>
    public static ApprovalDecision? Parse(string? answer) => answer?.Trim().ToUpperInvariant() switch
    {
        null => ApprovalDecision.Deny,
        "Y" or "YES" or "O" or "ONCE" => ApprovalDecision.AllowOnce,
        "A" or "ALWAYS" => ApprovalDecision.AllowAlways,
        "N" or "NO" or "D" or "DENY" or "" => ApprovalDecision.Deny,
        _ => null,
    };
}
