using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Chat;

/// <summary>
/// Automatic function calling, in the shape of Microsoft.Extensions.AI's <c>FunctionInvokingChatClient</c> (which
/// the package source here does not serve): when the model asks for calls, they run (concurrently when it asked
/// for several at once) through the <see cref="Filters"/>, their results go back in a Tool message, and the model
/// is asked again, until it answers or <see cref="MaximumIterationsPerRequest"/> rounds have run. Every failure
/// becomes a result the model can read; only cancellation and provider errors end the request.
/// </summary>
public sealed partial class FunctionInvokingChatClient : DelegatingChatClient
{
    /// <summary>The default number of function-calling rounds per request.</summary>
    public const int DefaultMaximumIterations = 16;

    private readonly ILogger _logger;
    private int _maximumIterations = DefaultMaximumIterations;

    public FunctionInvokingChatClient(IChatClient innerClient, IAgentEventSink? events = null, ILoggerFactory? loggerFactory = null)
        : base(innerClient)
    {
        Events = events ?? NullAgentEventSink.Instance;
        _logger = (ILogger?)loggerFactory?.CreateLogger<FunctionInvokingChatClient>() ?? NullLogger.Instance;
    }

    /// <summary>
    /// Rounds of function calls per request. When they are used up the model is asked once more, with tools
    /// disabled and a note, for a final answer.
    /// </summary>
    public int MaximumIterationsPerRequest
    {
        get => _maximumIterations;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maximumIterations = value;
        }
    }

    /// <summary>Run around each call, first one outermost.</summary>
    public IList<IFunctionInvocationFilter> Filters { get; } = [];

    /// <summary>Receives <see cref="FunctionCallStarted"/> and <see cref="FunctionCallFinished"/> for every call.</summary>
    public IAgentEventSink Events { get; }

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        List<ChatMessage> history = [.. messages];
        List<ChatMessage> responseMessages = [];
        UsageDetails? usage = null;
        ChatResponse response;

        for (var iteration = 0; ; iteration++)
        {
            var finalRound = iteration >= MaximumIterationsPerRequest;
            var (requestMessages, requestOptions) = PrepareRequest(history, options, finalRound);

            try
            {
                response = await base.GetResponseAsync(requestMessages, requestOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && responseMessages.Count > 0 && ex is not TurnCanceledException)
            {
                throw new TurnCanceledException(responseMessages, cancellationToken);
            }

            usage = AddUsage(usage, response.Usage);
            responseMessages.AddRange(response.Messages);
            history.AddRange(response.Messages);

            var calls = CollectCalls(response.Messages);
            if (calls.Count == 0)
            {
                break;
            }

            var results = finalRound
                ? AnswerWithoutRunning(calls)
                : await InvokeCallsAsync(calls, options, history, iteration, cancellationToken).ConfigureAwait(false);
            var toolMessage = new ChatMessage(ChatRole.Tool, results) { MessageId = NewMessageId() };
            responseMessages.Add(toolMessage);
            history.Add(toolMessage);

            // The calls were answered ("cancelled" for the interrupted ones); now honour the cancellation.
            if (cancellationToken.IsCancellationRequested)
            {
                throw new TurnCanceledException(responseMessages, cancellationToken);
            }

            if (finalRound)
            {
                break;
            }
        }

        response.Messages = responseMessages;
        response.Usage = usage;
        return response;
    }

    private (IEnumerable<ChatMessage> Messages, ChatOptions? Options) PrepareRequest(
        List<ChatMessage> history, ChatOptions? options, bool finalRound)
    {
        if (!finalRound)
        {
            return (history, options);
        }

        Log.MaximumRoundsReached(_logger, MaximumIterationsPerRequest);

        // Tools stay declared (Anthropic rejects tool_use blocks in history without them); the mode forbids calls.
        var finalOptions = options?.Clone() ?? new ChatOptions();
        finalOptions.ToolMode = ChatToolMode.None;
        var note = new ChatMessage(ChatRole.User, FunctionCallMessages.MaximumRoundsNote(MaximumIterationsPerRequest));
        return ([.. history, note], finalOptions);
    }

    private static List<FunctionCallContent> CollectCalls(IEnumerable<ChatMessage> messages)
    {
        List<FunctionCallContent> calls = [];
        foreach (var message in messages)
        {
            CollectCalls(message.Contents, calls);
        }

        return calls;
    }

    private static void CollectCalls(IList<AIContent> contents, List<FunctionCallContent> calls)
    {
        foreach (var content in contents)
        {
            if (content is FunctionCallContent { InformationalOnly: false } call)
            {
                calls.Add(call);
            }
        }
    }

    private static List<AIContent> AnswerWithoutRunning(List<FunctionCallContent> calls) =>
        [.. calls.Select(static call => new FunctionResultContent(call.CallId, FunctionCallMessages.NotRunAfterMaximumRounds))];

    private static UsageDetails? AddUsage(UsageDetails? total, UsageDetails? usage)
    {
        if (usage is null)
        {
            return total;
        }

        total ??= new UsageDetails();
        total.Add(usage);
        return total;
    }

    private static string NewMessageId() => Guid.NewGuid().ToString("N");
}
