using SkMcpAgent.Core.Agents;
using SkMcpAgent.Modes;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Repl;

public sealed partial class ReplSession
{
    private readonly SessionUsage _usage = new();

    /// <summary>
    /// Streams one answer: rendered as markdown on a colour terminal, else the model's exact text (a pipe, a file,
    /// <c>NO_COLOR</c>, <c>TERM=dumb</c>, <c>--no-color</c>).
    /// </summary>
    private async Task<string> StreamAnswerAsync(ChatAgent agent, string question, CancellationToken cancellationToken)
    {
        if (!_terminal.OutputColor)
        {
            return await SingleShotMode.StreamAsync(agent, question, _terminal, cancellationToken);
        }

        var markdown = new StreamingMarkdown(_terminal);
        try
        {
            return await SingleShotMode.StreamAsync(agent, question, markdown.Write, cancellationToken);
        }
        finally
        {
            // Also when cancelled or failed: what arrived is rendered, and the next line starts in the first column.
            markdown.Complete();
        }
    }

    /// <summary>Counts the turn's tokens and shows them, dimmed, after the answer.</summary>
    private void ShowTurnUsage(ChatAgent agent)
    {
        _usage.Add(agent.LastUsage);
        _terminal.Diagnostic($"[grey]{_usage.TurnLine(agent.LastUsage)}[/]");
    }

    private void ShowUsage() => _terminal.WriteOutMarkupLine(_usage.Summary());
}
