using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Providers;

/// <summary>
/// Anthropic refuses a request whose messages hold <c>tool_use</c> or <c>tool_result</c> blocks unless tools are
/// declared. SK's function-calling loop sends its last request, after the round limit, without tools (so the model
/// must answer in text), and a loaded conversation may name tools no server offers now. For such a request this
/// declares the functions the history called, with tool choice none: the model still cannot call anything.
/// </summary>
internal sealed class DeclareHistoryToolsChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    private static readonly JsonElement s_anyObject = JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone();

    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        List<ChatMessage> list = [.. messages];
        return base.GetResponseAsync(list, WithHistoryTools(list, options), cancellationToken);
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        List<ChatMessage> list = [.. messages];
        return base.GetStreamingResponseAsync(list, WithHistoryTools(list, options), cancellationToken);
    }

    private static ChatOptions? WithHistoryTools(List<ChatMessage> messages, ChatOptions? options)
    {
        if (options?.Tools is { Count: > 0 })
        {
            return options;
        }

        var called = messages
            .SelectMany(static m => m.Contents)
            .OfType<FunctionCallContent>()
            .Select(static c => c.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (called.Count == 0)
        {
            return options;
        }

        // Cloned so the caller's options object is never changed under it.
        var result = options?.Clone() ?? new ChatOptions();
        result.Tools = [.. called.Select(static name => AIFunctionFactory.CreateDeclaration(name, description: null, s_anyObject))];
        result.ToolMode = ChatToolMode.None;
        return result;
    }
}
