using System.Text;
using Microsoft.Extensions.AI;
using SkMcpAgent.Cli;
using SkMcpAgent.Core;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Conversations;
using SkMcpAgent.Output;
using SkMcpAgent.Rendering;
using SkMcpAgent.Repl;
using SkMcpAgent.Session;

namespace SkMcpAgent.Modes;

/// <summary>
/// One question, one answer: waits for every server, asks, streams the answer to stdout (or prints the JSON object),
/// and maps the outcome to the exit code. Traces and diagnostics go to stderr.
/// </summary>
public static class SingleShotMode
{
    public static async Task<int> RunAsync(string question, AgentOptions options, Terminal terminal, SessionSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        if (options.Approve == ApprovalMode.Ask && terminal.Host.IsInputRedirected)
        {
            // Nobody could answer: every call would be denied and the run would look like it worked.
            throw new AgentConfigurationException(
                "--approve ask needs a terminal to ask on, and stdin is not one; use --approve auto or deny, or run the REPL (--interactive reads the answers from stdin).");
        }

        // Before any server starts: nothing to continue is a usage error at once.
        var conversations = SavedConversations.Create(options, terminal, setup);
        var resumed = conversations.FindRequested() is { } match ? SavedConversations.Require(match) : null;

        var stream = options.Format == OutputFormat.StreamJson ? new StreamJsonWriter(terminal.Host.Output) : null;
        var events = new EventRenderer(terminal) { ShowServerEvents = options.Verbose, ShowFailedServers = true, Forward = stream };
        try
        {
            return await AskAsync(question, options, terminal, setup, events, stream, (conversations, resumed), cancellationToken);
        }
        finally
        {
            // A run that ends before its session line (every server down) still shows what happened.
            stream?.FlushHeld();
        }
    }

    private static async Task<int> AskAsync(
        string question, AgentOptions options, Terminal terminal, SessionSetup setup, EventRenderer events, StreamJsonWriter? stream,
        (SavedConversations Saved, ConversationInfo? Resumed) conversation, CancellationToken cancellationToken)
    {
        await using var session = AgentSession.Create(options, terminal, events, setup, withModel: true, modelRequired: true);
        var agent = session.Agent ?? throw new AgentConfigurationException(session.MissingProviderHint ?? "No LLM provider is configured.");
        if (conversation.Resumed is { } resumed)
        {
            await ResumeAsync(conversation.Saved, agent, resumed, cancellationToken);
            terminal.Diagnostic(ConversationList.Resumed(resumed, conversation.Saved.Store!.Time.GetUtcNow()));
        }

        if (session.Approval.Mode == ApprovalMode.Ask)
        {
            session.Approval.Prompt = new ConsoleApprovalPrompt(terminal, new PlainLineReader(terminal.Host.Input, terminal.Host.Error));
        }

        await session.Hub.WaitForAllAsync(cancellationToken);
        if (session.AllServersDown)
        {
            // Thrown, not printed, so --json gets its {"error": ...} object like every other failure.
            // Stderr showed each failure (with the end of the server's stderr) as it happened: don't repeat it.
            var names = string.Join(", ", session.FailedServers.Select(static s => s.Name));
            throw new AllServersDownException($"every MCP server failed: {session.DescribeFailures()}")
            {
                TerminalMessage = terminal.Quiet ? null : $"every MCP server failed ({names}; the reasons are above).",
            };
        }

        stream?.Session(
            session.ProviderName,
            session.Model,
            session.Hub.Servers.Select(static s => new StreamServer(s.Name, s.State.ToString().ToLowerInvariant(), s.Functions.Count)),
            session.Hub.GetFunctions().Select(static f => f.Name));
        string answer;
        try
        {
            answer = options.Format switch
            {
                OutputFormat.Json => (await agent.RunAsync(question, cancellationToken)).Text,
                OutputFormat.StreamJson => await StreamAsync(agent, question, stream!.Text, cancellationToken),
                _ => await StreamAsync(agent, question, terminal, cancellationToken),
            };
        }
        finally
        {
            // Whatever the turn's outcome, the history holds what happened (a failure or Ctrl+C is repaired): keep it.
            await conversation.Saved.SaveAsync(session);
        }

        if (agent.LastTurnCallsNotRun > 0)
        {
            terminal.Error(RoundLimitMessage(agent, answer));
        }

        if (options.Format == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Host.Output, BuildJson(answer, session, agent, conversation.Saved.Autosave?.Current?.Id));
        }

        stream?.Result(BuildJson(answer, session, agent, conversation.Saved.Autosave?.Current?.Id));

        // Calls left unrun with nothing said is not an answer.
        return agent.LastTurnCallsNotRun > 0 && string.IsNullOrWhiteSpace(answer) ? ExitCodes.RuntimeError : ExitCodes.Success;
    }

    private static async Task ResumeAsync(SavedConversations saved, ChatAgent agent, ConversationInfo resumed, CancellationToken cancellationToken)
    {
        try
        {
            await saved.ResumeAsync(agent, resumed, cancellationToken);
        }
        catch (ConversationFileException ex)
        {
            throw new AgentConfigurationException(ex.Message);
        }
    }

    /// <summary>The line for a turn that ended on function calls the round limit kept from running.</summary>
    public static string RoundLimitMessage(ChatAgent agent, string answer)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var calls = agent.LastTurnCallsNotRun == 1 ? "a function call" : $"{agent.LastTurnCallsNotRun} function calls";
        return $"the model still asked for {calls} after the limit of {agent.MaxRounds} function-calling rounds (--max-rounds) " +
            $"switched functions off; {(agent.LastTurnCallsNotRun == 1 ? "it was" : "they were")} not run" +
            (string.IsNullOrWhiteSpace(answer) ? ", and the model gave no answer." : ", so the answer may be incomplete.");
    }

    /// <summary>Writes the answer to stdout as it arrives; returns it whole.</summary>
    public static async Task<string> StreamAsync(ChatAgent agent, string question, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        var answer = await StreamAsync(agent, question, terminal.WriteAnswer, cancellationToken);
        if (answer.Length > 0 && answer[^1] != '\n')
        {
            terminal.WriteAnswer(Environment.NewLine);
        }

        return answer;
    }

    /// <summary>Hands each piece of the answer to <paramref name="write"/> as it arrives; returns it whole.</summary>
    public static async Task<string> StreamAsync(ChatAgent agent, string question, Action<string> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(write);
        var answer = new StringBuilder();
        await foreach (var update in agent.RunStreamingAsync(question, cancellationToken))
        {
            var text = update.Text;
            if (!string.IsNullOrEmpty(text))
            {
                answer.Append(text);
                write(text);
            }
        }

        return answer.ToString();
    }

    public static JsonAnswer BuildJson(string answer, AgentSession session, ChatAgent agent, string? conversationId = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(agent);
        var calls = agent.LastTurnCalls
            .Select(static c => new JsonToolCall(c.Function, c.Server, c.Arguments, c.Succeeded, c.Succeeded ? null : c.Result, Math.Round(c.Duration.TotalMilliseconds, 1)))
            .ToList();
        var usage = agent.LastUsage is UsageDetails u ? new JsonUsage(u.InputTokenCount, u.OutputTokenCount, u.TotalTokenCount) : null;
        var stopReason = agent.LastTurnCallsNotRun > 0 ? JsonStopReasons.MaxRounds : JsonStopReasons.Answered;
        return new JsonAnswer(answer, session.ProviderName, session.Model, calls, usage, stopReason, conversationId);
    }
}
