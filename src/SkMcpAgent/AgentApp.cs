using System.CommandLine;
using SkMcpAgent.Cli;
using SkMcpAgent.Core.Sessions;
using SkMcpAgent.Hosting;
using SkMcpAgent.Modes;
using SkMcpAgent.Output;
using SkMcpAgent.Rendering;
using SkMcpAgent.Repl;
using SkMcpAgent.Session;

namespace SkMcpAgent;

/// <summary>
/// The command boundary: parses, picks the mode, runs it, and turns every failure into one line on stderr (and the
/// JSON error object with --json) plus an exit code. Stack traces only with --verbose.
/// </summary>
public static class AgentApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ConsoleHost host, SessionSetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(host);
        setup ??= SessionSetup.Default;
        var commandLine = new AgentCommandLine();
        var command = commandLine.Parse(args);
        var options = command.Options;
        StartupTrace.Mark("options parsed");
        var terminal = new Terminal(host, options.NoColor, options.Quiet, options.Verbose);

        using var cancellation = new CancellationTokenSource();
        try
        {
            switch (command)
            {
                case InformationCommand:
                    return commandLine.ParseRaw(args).Invoke(new InvocationConfiguration { Output = host.Output, Error = host.Error });
                case InvalidCommand invalid:
                    return Fail(terminal, options, new ErrorReport($"{invalid.Message} (see --help)", ExitCodes.UsageError));
                case ToolsCommand tools:
                    using (host.Interrupts.Register(cancellation.Cancel))
                    {
                        return await ToolsMode.RunAsync(tools.Server, options, terminal, setup, cancellation.Token);
                    }

                case McpListCommand:
                    return McpListMode.Run(options, terminal, setup);
                case CompletionCommand completion:
                    host.Output.Write(CompletionScript.For(completion.Shell, commandLine.Root));
                    return ExitCodes.Success;
                case CallCommand call:
                    using (host.Interrupts.Register(cancellation.Cancel))
                    {
                        return await CallMode.RunAsync(call.Function, call.ArgumentsJson, options, terminal, setup, cancellation.Token);
                    }

                default:
                    return await RunChatAsync(options, terminal, setup, cancellation);
            }
        }
        catch (Exception ex)
        {
            if (options.Verbose)
            {
                terminal.WriteErrText(ex.ToString());
            }

            return Fail(terminal, options, ErrorReport.From(ex));
        }
    }

    private static async Task<int> RunChatAsync(AgentOptions options, Terminal terminal, SessionSetup setup, CancellationTokenSource cancellation)
    {
        var host = terminal.Host;
        var question = options.Question;
        if (question is not null || (!options.Interactive && host.IsInputRedirected))
        {
            ResumeListMode.RefuseWhatCannotResume(options, terminal, setup);
        }

        if (!options.Interactive && host.IsInputRedirected)
        {
            // Piped text is the question, or the context of the question given as an argument.
            var piped = await PipedInput.ReadAsync(host.Input, cancellation.Token);
            question = question is null ? piped : PipedInput.Join(question, piped);
            if (question.Length == 0)
            {
                return Fail(terminal, options, new ErrorReport(
                    "No question: stdin was empty. Give it as an argument, with -p, or start the REPL with --interactive.", ExitCodes.UsageError));
            }
        }

        if (question is not null)
        {
            using (host.Interrupts.Register(cancellation.Cancel))
            {
                return await SingleShotMode.RunAsync(question, options, terminal, setup, cancellation.Token);
            }
        }

        var events = new EventRenderer(terminal) { OffersLastCommand = true };
        await using var session = AgentSession.Create(options, terminal, events, setup, withModel: true, inputs: new ReplInputPrompt(terminal), clientInBackground: true);
        ILineReader reader = setup.Keys is not null || host.SupportsLineEditing
            ? new RadLineReader(terminal.CreateLineEditorConsole(), setup.HistoryFile, setup.Keys, ownsTerminal: setup.Keys is null)
            : new PlainLineReader(host.Input, host.Output, echo: host.IsInputRedirected);
        return await new ReplSession(session, reader) { Conversations = SavedConversations.Create(options, terminal, setup) }.RunAsync(cancellation.Token);
    }

    private static int Fail(Terminal terminal, AgentOptions options, ErrorReport report)
    {
        terminal.Error(report.TerminalMessage ?? report.Message);
        if (options.Format == OutputFormat.StreamJson)
        {
            StreamJsonWriter.WriteError(terminal.Host.Output, report.Message, report.ExitCode);
        }
        else if (options.Json)
        {
            JsonOutput.WriteError(terminal.Host.Output, report.Message, report.ExitCode);
        }

        return report.ExitCode;
    }
}
