using Microsoft.Extensions.AI;
using OpenAIChat = OpenAI.Chat;

namespace SkMcpAgent.Core.Providers.ChatCompletions;

/// <summary>
/// An <see cref="IChatClient"/> over the OpenAI SDK's Chat Completions client, in the shape of
/// Microsoft.Extensions.AI.OpenAI's: messages, tools, tool calls (streamed too), usage and finish reasons.
/// </summary>
internal sealed class OpenAIChatClient : IChatClient
{
    private readonly OpenAIChat.ChatClient _chatClient;
    private readonly ChatClientMetadata _metadata;

    public OpenAIChatClient(OpenAIChat.ChatClient chatClient)
    {
        _chatClient = chatClient;
#pragma warning disable OPENAI001 // Endpoint and Model are marked experimental; they only feed metadata.
        _metadata = new ChatClientMetadata("openai", chatClient.Endpoint, chatClient.Model);
#pragma warning restore OPENAI001
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        var completion = await _chatClient.CompleteChatAsync(
            MessageMapper.ToOpenAI(messages, options), OptionsMapper.ToOpenAI(options), cancellationToken).ConfigureAwait(false);
        return ResponseMapper.FromCompletion(completion.Value);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        // The SDK asks for stream_options.include_usage itself, so the last chunk carries the token counts.
        var updates = _chatClient.CompleteChatStreamingAsync(
            MessageMapper.ToOpenAI(messages, options), OptionsMapper.ToOpenAI(options), cancellationToken);
        return StreamingAssembler.FromUpdatesAsync(updates, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);

        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(OpenAIChat.ChatClient) ? _chatClient
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The SDK client holds no per-adapter resources.
    }
}
