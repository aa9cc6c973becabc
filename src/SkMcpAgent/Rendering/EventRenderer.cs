using System.Collections.Concurrent;
using System.Globalization;
using Spectre.Console;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Rendering;

/// <summary>
/// Shows agent events as they happen on stderr: function calls (start, progress, end), servers joining or failing.
/// Quiet drops them all. Progress is a bar on a colour terminal and a plain line elsewhere.
/// </summary>
public sealed class EventRenderer : IAgentEventSink
{
    private readonly Terminal _terminal;
    private readonly ConcurrentDictionary<string, int> _shownFunctionCounts = new(StringComparer.Ordinal);

    public EventRenderer(Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        _terminal = terminal;
    }

    /// <summary>How many functions a ready server has, to put in its "ready" line; set once the hub exists.</summary>
    public Func<string, int?>? FunctionCount { get; set; }

    /// <summary>Whether server state lines are shown (the REPL shows them; single-shot only with --verbose).</summary>
    public bool ShowServerEvents { get; set; } = true;

    /// <summary>Whether a server failing is shown even when other server events are not (single-shot).</summary>
    public bool ShowFailedServers { get; set; } = true;

    /// <summary>Whether function call lines are shown.</summary>
    public bool ShowFunctionCalls { get; set; } = true;

    /// <summary>Whether progress bars are shown; <c>call</c> shows them without the call lines.</summary>
    public bool ShowProgress { get; set; } = true;

    /// <summary>Whether a summarised result points to <c>/last</c>, which only the REPL has.</summary>
    public bool OffersLastCommand { get; set; }

    /// <summary>The longest result shown inline before it is summarised.</summary>
    public int ResultPreviewLength { get; set; } = 100;

    /// <summary>Also receives every event, before quiet filtering (the stream-json writer).</summary>
    public IAgentEventSink? Forward { get; set; }

    public void Publish(AgentEvent agentEvent)
    {
        Forward?.Publish(agentEvent);
        if (_terminal.Quiet)
        {
            return;
        }

        switch (agentEvent)
        {
            case FunctionCallStarted started when ShowFunctionCalls:
                _terminal.WriteErrMarkupLine(
                    $"[grey]→ {Markup.Escape(started.FunctionName)}({Markup.Escape(TextSummary.Arguments(started.Arguments))})[/]");
                break;
            case FunctionCallProgressed progressed when ShowProgress:
                // One line per call, rewritten in place on a terminal while nothing else was written after it.
                _terminal.WriteErrStatusLine(progressed.CallId, $"[grey]  {Markup.Escape(ProgressLine(progressed, _terminal.ErrorColor))}[/]");
                break;
            case FunctionCallFinished finished when ShowFunctionCalls:
                RenderFinished(finished);
                break;
            case ServerStateChanged state when ShowServerEvents || (ShowFailedServers && state.State == ServerState.Failed):
                RenderState(state);
                break;
            case ServerWarning warning when ShowServerEvents || ShowFailedServers:
                _terminal.WriteErrMarkupLine($"[yellow]![/] {Markup.Escape(warning.ServerName)}: {Markup.Escape(warning.Message)}");
                break;
            case ServerNotice notice:
                // Always shown (but for --quiet): a server acting on the user's behalf must not go unseen.
                _terminal.WriteErrMarkupLine($"[cyan]?[/] {Markup.Escape(notice.ServerName)}: {Markup.Escape(notice.Message)}");
                break;
            case ServerFunctionsChanged functions when ShowServerEvents:
                if (_shownFunctionCounts.TryGetValue(functions.ServerName, out var shown) && shown != functions.FunctionCount)
                {
                    _shownFunctionCounts[functions.ServerName] = functions.FunctionCount;
                    _terminal.WriteErrMarkupLine(
                        $"[grey]● {Markup.Escape(functions.ServerName)}: now {Plural(functions.FunctionCount, "function")}[/]");
                }

                break;
        }
    }

    /// <summary>The progress text: a bar when there is a total, else the count; the server's message after it.</summary>
    public static string ProgressLine(FunctionCallProgressed progressed, bool bar)
    {
        ArgumentNullException.ThrowIfNull(progressed);
        string amount;
        if (progressed.Total is > 0 and var total)
        {
            var fraction = Math.Clamp(progressed.Progress / total, 0, 1);
            var percent = string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:F0}%");
            amount = bar ? $"[{new string('█', (int)(fraction * 20)).PadRight(20, '░')}] {percent}" : percent;
        }
        else
        {
            amount = progressed.Progress.ToString(CultureInfo.InvariantCulture);
        }

        var message = string.IsNullOrWhiteSpace(progressed.Message) ? string.Empty : " " + TextSummary.OneLine(progressed.Message, 60);
        return $"{progressed.FunctionName} {amount}{message}";
    }

    private void RenderFinished(FunctionCallFinished finished)
    {
        var duration = TextSummary.Duration(finished.Duration);
        var preview = TextSummary.OneLine(finished.ResultText, ResultPreviewLength);
        if (finished.ResultText.Length > ResultPreviewLength)
        {
            preview += OffersLastCommand ? $" ({finished.ResultText.Length} chars; /last shows all)" : $" ({finished.ResultText.Length} chars)";
        }

        var mark = finished.Succeeded ? "[green]✓[/]" : "[red]✗[/]";
        _terminal.WriteErrMarkupLine(
            $"{mark} [grey]{Markup.Escape(finished.FunctionName)} {duration}{(finished.Succeeded ? string.Empty : " error")}: {Markup.Escape(preview)}[/]");
    }

    private void RenderState(ServerStateChanged state)
    {
        var name = Markup.Escape(state.ServerName);
        switch (state.State)
        {
            case ServerState.Ready:
                var count = FunctionCount?.Invoke(state.ServerName);
                if (count is int known)
                {
                    _shownFunctionCounts[state.ServerName] = known;
                }

                _terminal.WriteErrMarkupLine(count is null
                    ? $"[green]●[/] {name} ready"
                    : $"[green]●[/] {name} ready ({Plural(count.Value, "function")})");
                break;
            case ServerState.Failed:
                _terminal.WriteErrMarkupLine($"[red]✗[/] {name} failed: {Markup.Escape(state.Detail ?? "unknown reason")}");
                break;
            case ServerState.Restarting:
                _terminal.WriteErrMarkupLine($"[yellow]↻[/] {name} restarting{(state.Detail is null ? string.Empty : ": " + Markup.Escape(state.Detail))}");
                break;
        }
    }

    public static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
