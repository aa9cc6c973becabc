using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Chat;

namespace SkMcpAgent.Core.Filters;

/// <summary>
/// Turns the result into the text the model reads (MCP content blocks as text, images and resource links described)
/// and cuts it when it is longer than the cap, telling the model it was cut and how long it was, so one huge tool
/// output cannot flood the context window.
/// </summary>
public sealed class ResultSizeFilter : IFunctionInvocationFilter
{
    public const int DefaultMaxCharacters = 20_000;

    public ResultSizeFilter(int maxCharacters = DefaultMaxCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharacters, 1);
        MaxCharacters = maxCharacters;
    }

    public int MaxCharacters { get; }

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        await next(context).ConfigureAwait(false);

        var text = FunctionOutcome.Text(context.Result);
        if (text.Length > MaxCharacters)
        {
            // Never split a surrogate pair: half an emoji is invalid text for some providers.
            var keep = char.IsHighSurrogate(text[MaxCharacters - 1]) ? MaxCharacters - 1 : MaxCharacters;
            text = FunctionCallMessages.Truncated(text, keep);
        }

        context.Result = FunctionOutcome.WithValue(context.Result, text);
    }
}
