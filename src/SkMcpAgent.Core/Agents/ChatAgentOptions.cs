using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Filters;

namespace SkMcpAgent.Core.Agents;

/// <summary>How a <see cref="ChatAgent"/> converses and calls functions.</summary>
public sealed class ChatAgentOptions
{
    /// <summary>The default number of function-calling rounds per user turn.</summary>
    public const int DefaultMaxRounds = 16;

    private int _maxRounds = DefaultMaxRounds;
    private int _maxResultCharacters = ResultSizeFilter.DefaultMaxCharacters;
    private TimeSpan? _functionTimeout;

    /// <summary>The system prompt, first in the history; none when null or empty.</summary>
    public string? SystemPrompt { get; set; }

    /// <summary>Function-calling rounds per user turn before the model must answer without tools.</summary>
    public int MaxRounds
    {
        get => _maxRounds;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxRounds = value;
        }
    }

    /// <summary>Longer function results are cut, with a note telling the model.</summary>
    public int MaxResultCharacters
    {
        get => _maxResultCharacters;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxResultCharacters = value;
        }
    }

    /// <summary>Per-call timeout; null means <see cref="FunctionTimeoutFilter.DefaultTimeout"/>, infinite disables it.</summary>
    public TimeSpan? FunctionTimeout
    {
        get => _functionTimeout;
        set
        {
            if (value is { } timeout && timeout != Timeout.InfiniteTimeSpan)
            {
                ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
            }

            _functionTimeout = value;
        }
    }

    public ApprovalPolicy Approval { get; set; } = new();

    /// <summary>
    /// The most functions the provider accepts in one request (OpenAI and Azure OpenAI: 128); null means no limit.
    /// A turn that would offer more fails before anything is sent, naming the count, the limit and how to narrow.
    /// </summary>
    public int? MaxFunctionsPerRequest { get; set; }

    /// <summary>The provider's name for the messages about its limits, e.g. <c>OpenAI</c>.</summary>
    public string? ProviderName { get; set; }

    /// <summary>
    /// Sent with every request (model id, and temperature and max output tokens as <c>temperature</c> and
    /// <c>max_tokens</c> in <see cref="PromptExecutionSettings.ExtensionData"/>); the agent sets the function choice.
    /// </summary>
    public PromptExecutionSettings? ExecutionSettings { get; set; }
}
