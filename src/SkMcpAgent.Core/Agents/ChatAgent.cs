using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Chat.Filters;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Agents;

/// <summary>
/// A conversation with a model that may call functions: the history, one user turn at a time, cancellation.
/// </summary>
/// <remarks>
/// A cancelled or failed turn keeps the user's message and what already happened: completed rounds stay (their
/// calls may have had side effects the model must know about), calls without a result get a "cancelled" result,
/// and a partial answer is kept with a note that the user interrupted it. A turn is not thread-safe: run one at
/// a time.
/// </remarks>
[SuppressMessage("Reliability", "CA1001", Justification = "The middleware only wraps the caller's chat client; disposing it would dispose a client the caller owns.")]
public sealed partial class ChatAgent
{
    private readonly List<ChatMessage> _history = [];
    private readonly FunctionInvokingChatClient _client;
    private readonly LastRequestRecorder _requests;
    private readonly IFunctionSource _functions;
    private readonly ChatAgentOptions _options;
    private readonly TurnRecorder _recorder;

    public ChatAgent(
        IChatClient chatClient,
        IFunctionSource functions,
        ChatAgentOptions options,
        IAgentEventSink events,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(events);

        _functions = functions;
        _options = options;
        _recorder = new TurnRecorder(events);
        _requests = new LastRequestRecorder(chatClient);
        _client = new FunctionInvokingChatClient(_requests, _recorder, loggerFactory)
        {
            MaximumIterationsPerRequest = options.MaxRounds,
        };

        // Outermost first. Approval before the timeout, so time spent asking the user is not charged to the call.
        if (loggerFactory is not null)
        {
            _client.Filters.Add(new FunctionLoggingFilter(loggerFactory.CreateLogger<FunctionLoggingFilter>()));
        }

        _client.Filters.Add(new ResultSizeFilter(options.MaxResultCharacters));
        _client.Filters.Add(new ApprovalFilter(options.Approval));
        _client.Filters.Add(new FunctionTimeoutFilter(options.FunctionTimeout ?? FunctionTimeoutFilter.DefaultTimeout));

        if (!string.IsNullOrEmpty(options.SystemPrompt))
        {
            _history.Add(new ChatMessage(ChatRole.System, options.SystemPrompt));
        }
    }

    /// <summary>The conversation so far, the system prompt first.</summary>
    public IReadOnlyList<ChatMessage> History => _history.AsReadOnly();

    public int MaxRounds
    {
        get => _client.MaximumIterationsPerRequest;
        set => _client.MaximumIterationsPerRequest = value;
    }

    public ApprovalPolicy Approval => _options.Approval;

    /// <summary>Tokens used by the last turn, summed over its rounds; null when the provider reported none.</summary>
    public UsageDetails? LastUsage { get; private set; }

    /// <summary>The function calls of the last turn, in the order they finished.</summary>
    public IReadOnlyList<FunctionCallRecord> LastTurnCalls => _recorder.Calls;

    private int SystemMessageCount => _history.Count > 0 && _history[0].Role == ChatRole.System ? 1 : 0;

    public async Task<ChatResponse> RunAsync(string userInput, CancellationToken cancellationToken)
    {
        BeginTurn(userInput);
        var turnStart = _history.Count;
        _requests.Forget();
        try
        {
            var response = await _client.GetResponseAsync(_history, CreateChatOptions(), cancellationToken).ConfigureAwait(false);
            _history.AddRange(response.Messages);
            LastUsage = response.Usage;
            return response;
        }
        catch (TurnCanceledException ex)
        {
            CommitInterruptedTurn([.. ex.Messages]);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The failing request carried the rounds completed before it; the model must hear about those calls.
            // Only the model's and the functions' messages: the last round's note to the model is not history.
            List<ChatMessage> completed = [.. _requests.LastMessages.Skip(turnStart).Where(static m => m.Role == ChatRole.Assistant || m.Role == ChatRole.Tool)];
            HistoryRepair.AnswerDanglingCalls(completed);
            _history.AddRange(completed);
            throw;
        }
    }

    /// <summary>Appends messages as they are, e.g. an MCP prompt's messages.</summary>
    public void AddMessages(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _history.AddRange(messages);
    }

    /// <summary>Forgets the conversation but keeps the system prompt.</summary>
    public void Clear()
    {
        _history.RemoveRange(SystemMessageCount, _history.Count - SystemMessageCount);
        LastUsage = null;
        _recorder.BeginTurn();
    }

    private void BeginTurn(string userInput)
    {
        ArgumentNullException.ThrowIfNull(userInput);
        _recorder.BeginTurn();
        LastUsage = null;
        _history.Add(new ChatMessage(ChatRole.User, userInput));
    }

    private void CommitInterruptedTurn(List<ChatMessage> messages)
    {
        HistoryRepair.MarkInterrupted(messages);
        HistoryRepair.AnswerDanglingCalls(messages);
        _history.AddRange(messages);
    }

    private ChatOptions CreateChatOptions()
    {
        var options = _options.ChatOptions?.Clone() ?? new ChatOptions();
        var functions = _functions.GetFunctions();
        if (functions.Count > 0)
        {
            options.Tools = [.. options.Tools ?? [], .. functions];
            options.ToolMode ??= ChatToolMode.Auto;
        }

        return options;
    }
}
