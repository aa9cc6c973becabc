using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Providers;

/// <summary>Applies LLM_TEMPERATURE and LLM_MAX_OUTPUT_TOKENS to every request that does not set them itself.</summary>
internal sealed class ProviderDefaultsChatClient(IChatClient innerClient, ProviderSettings settings) : DelegatingChatClient(innerClient)
{
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, WithDefaults(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, WithDefaults(options), cancellationToken);

    private ChatOptions? WithDefaults(ChatOptions? options)
    {
        if (settings.Temperature is null && settings.MaxOutputTokens is null)
        {
            return options;
        }

        // Cloned so the caller's options object is never changed under it.
        var result = options?.Clone() ?? new ChatOptions();
        result.Temperature ??= settings.Temperature;
        result.MaxOutputTokens ??= settings.MaxOutputTokens;
        return result;
    }
}
