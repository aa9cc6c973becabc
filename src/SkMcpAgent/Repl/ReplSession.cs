using System.Reflection;
using System.Text;
using Spectre.Console;
using SkMcpAgent.Cli;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Modes;
using SkMcpAgent.Rendering;
using SkMcpAgent.Session;

namespace SkMcpAgent.Repl;

/// <summary>
/// The chat loop: read a line (or a slash command), stream the answer, repeat. Ctrl+C during an answer cancels that
/// turn only; Ctrl+C at the prompt, Ctrl+D (end of input) or /exit ends the session.
/// </summary>
public sealed partial class ReplSession
{
    public const string Prompt = "> ";
    public const string ContinuationPrompt = "… ";

    private readonly AgentSession _session;
    private readonly ILineReader _reader;
    private readonly Terminal _terminal;

    public ReplSession(AgentSession session, ILineReader reader)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(reader);
        _session = session;
        _reader = reader;
        _terminal = session.Terminal;
        if (session.Approval.Mode == ApprovalMode.Ask || session.Approval.Prompt is null)
        {
            session.Approval.Prompt = new ConsoleApprovalPrompt(_terminal, reader);
        }

        // Servers' questions (elicitation) are answered here, in a form, instead of declined.
        session.Hub.Options.ElicitationPrompt = new ConsoleElicitationPrompt(_terminal, reader);
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        WriteBanner();
        await StartConversationAsync(cancellationToken);
        while (true)
        {
            string? input;
            using (var readCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (_terminal.Host.Interrupts.Register(readCancellation.Cancel))
            {
                try
                {
                    _terminal.ActivePrompt = _reader is RadLineReader ? Prompt : null;
                    input = await ReadInputAsync(readCancellation.Token);
                }
                catch (OperationCanceledException)
                {
                    _terminal.WriteAnswer(Environment.NewLine);
                    return cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled : ExitCodes.Success;
                }
                finally
                {
                    _terminal.ActivePrompt = null;
                }
            }

            if (input is null)
            {
                return ExitCodes.Success;
            }

            if (string.IsNullOrWhiteSpace(input))
            {
                continue;
            }

            if (SlashCommand.TryParse(input) is { } command)
            {
                if (!await ExecuteAsync(command, cancellationToken))
                {
                    return ExitCodes.Success;
                }

                continue;
            }

            await AskAsync(input.Trim(), cancellationToken);
        }
    }

    /// <summary>One line, or several joined when a line ends with a backslash.</summary>
    private async Task<string?> ReadInputAsync(CancellationToken cancellationToken)
    {
        var line = await _reader.ReadLineAsync(Prompt, cancellationToken);
        if (line is null || !line.EndsWith('\\'))
        {
            return line;
        }

        var text = new StringBuilder(line[..^1]);
        while (true)
        {
            var next = await _reader.ReadLineAsync(ContinuationPrompt, cancellationToken);
            if (next is null)
            {
                return text.ToString();
            }

            text.Append('\n');
            if (!next.EndsWith('\\'))
            {
                return text.Append(next).ToString();
            }

            text.Append(next.AsSpan(0, next.Length - 1));
        }
    }

    /// <summary>Runs one turn; a failure or a Ctrl+C ends the turn, never the session.</summary>
    private async Task AskAsync(string question, CancellationToken cancellationToken)
    {
        if (_session.Agent is not { } agent)
        {
            _terminal.Error(_session.MissingProviderHint ?? "No LLM provider is configured.");
            return;
        }

        await WaitForConnectingServersAsync(cancellationToken);
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using (_terminal.Host.Interrupts.Register(turn.Cancel))
        {
            try
            {
                var answer = await StreamAnswerAsync(agent, question, turn.Token);
                if (agent.LastTurnCallsNotRun > 0)
                {
                    _terminal.Error(SingleShotMode.RoundLimitMessage(agent, answer));
                }

                ShowTurnUsage(agent);
            }
            catch (OperationCanceledException) when (turn.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                _terminal.WriteAnswer(Environment.NewLine);
                _terminal.WriteErrMarkupLine("[yellow](cancelled)[/]");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _terminal.WriteAnswer(Environment.NewLine);
                ReportError(ex);
            }
        }

        await SaveConversationAsync();
    }

    /// <summary>
    /// The prompt never waits for servers, but a question waits a little: the model should see every tool that is
    /// about to be ready. A slow server (an npx download, a remote host that does not answer) must not hold the
    /// conversation, so after <see cref="s_serverWaitGrace"/> or a Ctrl+C the question goes with the tools ready so far,
    /// and the late server's functions join the next turn.
    /// </summary>
    private static readonly TimeSpan s_serverWaitGrace = TimeSpan.FromSeconds(5);

    private Task WaitForConnectingServersAsync(CancellationToken cancellationToken) =>
        WaitForServersAsync("Ctrl+C to ask without", s_serverWaitGrace, static late => $"asking without {late}; its functions join when it is ready", cancellationToken);

    /// <summary>Waits for the servers still connecting, at most <paramref name="grace"/> (null: until they settle) or until Ctrl+C.</summary>
    private async Task WaitForServersAsync(string interruptHint, TimeSpan? grace, Func<string, string> stoppedNote, CancellationToken cancellationToken)
    {
        var connecting = ConnectingServerNames();
        if (connecting.Count == 0)
        {
            return;
        }

        _terminal.Diagnostic($"[grey]waiting for {Markup.Escape(string.Join(", ", connecting))} to connect ({interruptHint})…[/]");
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (grace is { } limit)
        {
            wait.CancelAfter(limit);
        }

        using (_terminal.Host.Interrupts.Register(wait.Cancel))
        {
            try
            {
                await _session.Hub.WaitForAllAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _terminal.Diagnostic($"[grey]{stoppedNote(Markup.Escape(string.Join(", ", ConnectingServerNames())))}[/]");
            }
        }
    }

    private List<string> ConnectingServerNames() =>
        _session.Hub.Servers.Where(static s => s.State is ServerState.Connecting).Select(static s => s.Name).ToList();

    private void ReportError(Exception ex)
    {
        _terminal.Error(ErrorReport.From(ex).Message);
        if (_terminal.Verbose)
        {
            _terminal.WriteErrText(ex.ToString());
        }
    }

    private void WriteBanner()
    {
        var version = typeof(ReplSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        _terminal.WriteOutMarkupLine($"[bold]SkMcpAgent[/] {Markup.Escape(version ?? string.Empty)} · {DescribeProvider()}");
        if (_session.MissingProviderHint is { } hint)
        {
            _terminal.WriteOutMarkupLine($"[yellow]{Markup.Escape(hint)}[/]");
        }

        foreach (var server in _session.Hub.Servers)
        {
            _terminal.WriteOutMarkupLine("  " + ToolListRenderer.ServerLine(server));
        }

        if (_session.Hub.Servers.Count == 0)
        {
            _terminal.WriteOutMarkupLine("  [grey]no MCP servers configured (use --config or ./mcp.json)[/]");
        }

        _terminal.WriteOutMarkupLine("[grey]Type /help for commands. Ctrl+C cancels an answer; Ctrl+D or /exit quits. End a line with \\ to continue it.[/]");
    }
}
