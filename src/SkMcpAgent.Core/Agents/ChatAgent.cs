using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Filters;

namespace SkMcpAgent.Core.Agents;

/// <summary>
/// A conversation with a model that may call the kernel's functions: the history, one user turn at a time,
/// cancellation. Semantic Kernel runs the function calling (<see cref="FunctionChoiceBehavior.Auto"/>, the kernel's
/// chat client with <c>UseKernelFunctionInvocation</c>); the agent adds its filters to the kernel and keeps the
/// history consistent whatever happens to a turn.
/// </summary>
/// <remarks>
/// A cancelled or failed turn keeps the user's message and what already happened: completed rounds stay (their
/// calls may have had side effects the model must know about), calls without a result get a "cancelled" result,
/// and a partial answer is kept with a note that the user interrupted it. A turn is not thread-safe: run one at
/// a time. One agent per kernel: the agent's filters become the kernel's.
/// </remarks>
public sealed partial class ChatAgent
{
    private readonly List<ChatMessage> _history = [];
    private readonly Kernel _kernel;
    // Replaced together when the provider changes (UseProvider); null while _pendingClient is still being built.
    private IChatClient _client = null!;
    private FunctionInvokingChatClient _functionCalling = null!;
    // The provider's client while it is built beside the REPL's prompt (AgentRuntime); the first turn waits for it.
    private Task<IChatClient>? _pendingClient;
    private readonly PromptExecutionSettings _executionSettings;
    private readonly ChatAgentOptions _options;
    private readonly TurnRecorder _recorder;

    public ChatAgent(Kernel kernel, ChatAgentOptions options, IAgentEventSink events, ILoggerFactory? loggerFactory = null)
        : this(kernel, kernel?.GetRequiredService<IChatClient>()!, options, events, loggerFactory)
    {
    }

    /// <summary>
    /// An agent on <paramref name="kernel"/>'s functions and filters that talks to <paramref name="chatClient"/>, a
    /// client with SK's function invocation (a provider's from <see cref="Providers.ChatClientFactory.Create"/>) that
    /// need not be the kernel's own.
    /// </summary>
    public ChatAgent(Kernel kernel, IChatClient chatClient, ChatAgentOptions options, IAgentEventSink events, ILoggerFactory? loggerFactory = null)
        : this(kernel, options, events, loggerFactory, chatClient ?? throw new ArgumentNullException(nameof(chatClient)), pendingClient: null)
    {
    }

    /// <summary>
    /// An agent whose client is still being built: everything but a turn works at once, and the first turn waits for
    /// the client (a failure to build it fails that turn, and every later one, with the build's exception).
    /// </summary>
    public ChatAgent(Kernel kernel, Task<IChatClient> pendingChatClient, ChatAgentOptions options, IAgentEventSink events, ILoggerFactory? loggerFactory = null)
        : this(kernel, options, events, loggerFactory, chatClient: null, pendingChatClient ?? throw new ArgumentNullException(nameof(pendingChatClient)))
    {
    }

    private ChatAgent(Kernel kernel, ChatAgentOptions options, IAgentEventSink events, ILoggerFactory? loggerFactory, IChatClient? chatClient, Task<IChatClient>? pendingClient)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(events);

        _kernel = kernel;
        _options = options;
        _recorder = new TurnRecorder(events);
        _pendingClient = pendingClient;
        if (chatClient is not null)
        {
            _client = chatClient;
            _functionCalling = FunctionCallingOf(chatClient, options.MaxRounds, nameof(chatClient));
        }

        _executionSettings = options.ExecutionSettings?.Clone() ?? new PromptExecutionSettings();
        _executionSettings.FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: true);

        AddFilters(kernel, options, loggerFactory ?? kernel.LoggerFactory);

        if (!string.IsNullOrEmpty(options.SystemPrompt))
        {
            _history.Add(new ChatMessage(ChatRole.System, options.SystemPrompt));
        }
    }

    /// <summary>The conversation so far, the system prompt first.</summary>
    public IReadOnlyList<ChatMessage> History => _history.AsReadOnly();

    /// <summary>The kernel the agent runs on: its chat client, plugins and filters.</summary>
    public Kernel Kernel => _kernel;

    /// <summary>Function-calling rounds per user turn before the model must answer without tools.</summary>
    public int MaxRounds
    {
        get => _functionCalling?.MaximumIterationsPerRequest ?? _options.MaxRounds;
        set
        {
            _options.MaxRounds = value;
            _functionCalling?.MaximumIterationsPerRequest = value;
        }
    }

    public ApprovalPolicy Approval => _options.Approval;

    /// <summary>
    /// The model for the next requests instead of the provider's (<c>/model</c>), sent as the request's model;
    /// null for the provider's own. The conversation is kept.
    /// </summary>
    public string? ModelId
    {
        get => _executionSettings.ModelId;
        set => _executionSettings.ModelId = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>Tokens used by the last turn, summed over its rounds; null when the provider reported none.</summary>
    public UsageDetails? LastUsage { get; private set; }

    /// <summary>
    /// How many function calls the model still asked for in the last turn after the round limit had switched functions
    /// off: they were not run (the history answers them with <see cref="FunctionCallMessages.NotRunAfterMaximumRounds"/>),
    /// so the turn ended on calls rather than on an answer. Zero for a turn that ended normally.
    /// </summary>
    public int LastTurnCallsNotRun { get; private set; }

    /// <summary>The function calls of the last turn, in the order they finished.</summary>
    public IReadOnlyList<FunctionCallRecord> LastTurnCalls => _recorder.Calls;

    private int SystemMessageCount => _history.Count > 0 && _history[0].Role == ChatRole.System ? 1 : 0;

    public async Task<ChatResponse> RunAsync(string userInput, CancellationToken cancellationToken)
    {
        await EnsureClientAsync(cancellationToken).ConfigureAwait(false);
        var chatOptions = CreateChatOptions();
        BeginTurn(userInput, cancellationToken);
        var sent = _history.Count;
        try
        {
            var response = await _client.GetResponseAsync(_history, chatOptions, cancellationToken).ConfigureAwait(false);
            List<ChatMessage> messages = [.. response.Messages];
            LastTurnCallsNotRun = HistoryRepair.AnswerDanglingCalls(messages, FunctionCallMessages.NotRunAfterMaximumRounds);
            _history.AddRange(messages);
            LastUsage = response.Usage;
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            CommitInterruptedTurn(_recorder.MessagesAfter(sent));
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rounds completed before the failing request stay, with the model's and the functions' messages.
            List<ChatMessage> completed = [.. _recorder.MessagesAfter(sent).Where(static m => m.Role == ChatRole.Assistant || m.Role == ChatRole.Tool)];
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
        LastTurnCallsNotRun = 0;
        _recorder.BeginTurn(default);
    }

    private void BeginTurn(string userInput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userInput);
        _recorder.BeginTurn(cancellationToken);
        LastUsage = null;
        LastTurnCallsNotRun = 0;
        _history.Add(new ChatMessage(ChatRole.User, userInput));
    }

    private void CommitInterruptedTurn(List<ChatMessage> messages)
    {
        HistoryRepair.MarkInterrupted(messages);
        HistoryRepair.AnswerDanglingCalls(messages);
        _history.AddRange(messages);
    }

    /// <summary>
    /// The request's options: the settings, and every function of the kernel's plugins as they are now. More functions
    /// than the provider accepts is a configuration error, raised before the turn starts (nothing is sent, the
    /// history is untouched).
    /// </summary>
    private ChatOptions CreateChatOptions()
    {
        var options = _executionSettings.ToChatOptions(_kernel);
        var count = options.Tools?.Count ?? 0;
        if (_options.MaxFunctionsPerRequest is int limit && count > limit)
        {
            throw new AgentConfigurationException(TooManyFunctions(count, limit));
        }

        return options;
    }

    private string TooManyFunctions(int count, int limit)
    {
        var largest = _kernel.Plugins
            .Select(static p => (Name: p is Plugins.McpServerPlugin mcp ? mcp.Server.Name : p.Name, Count: p.FunctionCount))
            .Where(static p => p.Count > 0)
            .OrderByDescending(static p => p.Count)
            .ThenBy(static p => p.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(static p => $"{p.Name} {p.Count}");
        var provider = _options.ProviderName ?? "The provider";
        return $"Too many functions: {count} would be sent, {provider} accepts at most {limit} per request (most: {string.Join(", ", largest)}). " +
            "Narrow them in mcp.json with a server's \"allowedTools\" or \"excludedTools\", or \"disabled\": true.";
    }

    private void AddFilters(Kernel kernel, ChatAgentOptions options, ILoggerFactory loggerFactory)
    {
        kernel.AutoFunctionInvocationFilters.Add(new FunctionCallEventsFilter(_recorder, () => MaxRounds));

        // Outermost first. Arguments are checked before anyone is asked; approval comes before the call filters'
        // timeout, so time spent asking the user is not charged to the call.
        var filters = kernel.FunctionInvocationFilters;
        filters.Add(new FunctionLoggingFilter(loggerFactory.CreateLogger<FunctionLoggingFilter>()));
        filters.Add(new ResultSizeFilter(options.MaxResultCharacters));
        filters.Add(new ArgumentValidationFilter());
        filters.Add(new ApprovalFilter(options.Approval));
        filters.AddCallFilters(options.FunctionTimeout);
    }
}
