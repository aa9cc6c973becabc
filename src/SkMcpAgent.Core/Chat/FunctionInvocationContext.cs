using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Chat;

/// <summary>One function call as it passes through the <see cref="IFunctionInvocationFilter"/>s.</summary>
public sealed class FunctionInvocationContext
{
    internal FunctionInvocationContext(
        FunctionCallContent call,
        AIFunction function,
        AIFunctionArguments arguments,
        int iteration,
        IReadOnlyList<ChatMessage> messages,
        CancellationToken cancellationToken)
    {
        Call = call;
        Function = function;
        Arguments = arguments;
        Iteration = iteration;
        Messages = messages;
        CancellationToken = cancellationToken;
    }

    /// <summary>The model's request, with its call id and raw arguments.</summary>
    public FunctionCallContent Call { get; }

    public AIFunction Function { get; }

    /// <summary>The arguments the function receives; a filter may change them.</summary>
    public AIFunctionArguments Arguments { get; }

    /// <summary>The MCP server behind the function, or null for a local function.</summary>
    public string? ServerName => Function.GetServerName();

    /// <summary>The round of the user turn, starting at 0.</summary>
    public int Iteration { get; }

    /// <summary>The conversation as sent in this round (read-only for filters).</summary>
    public IReadOnlyList<ChatMessage> Messages { get; }

    /// <summary>What goes back to the model. Set by the function, or by a filter that answers instead.</summary>
    public object? Result { get; set; }

    /// <summary>True when <see cref="Result"/> is an error message rather than the function's output.</summary>
    public bool IsError { get; set; }

    /// <summary>The failure behind an error result, if any; never sent to the model as such.</summary>
    public Exception? Exception { get; set; }

    /// <summary>True once the function itself ran (it was not denied or answered by a filter).</summary>
    public bool Invoked { get; internal set; }

    /// <summary>How long the function itself ran.</summary>
    public TimeSpan Duration { get; internal set; }

    /// <summary>Cancels the call. A filter may replace it with a linked token (the timeout filter does).</summary>
    public CancellationToken CancellationToken { get; set; }
}
