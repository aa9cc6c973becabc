using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Providers;

/// <summary>
/// Under the function-calling loop: a streamed response that ends without a finish reason (Anthropic's
/// <c>message_delta</c> with its stop reason, then <c>message_stop</c>) was cut off, and ends in a
/// <see cref="ProviderException"/> instead of looking complete, so the loop runs none of its calls.
/// </summary>
internal sealed class StreamEndChatClient(IChatClient innerClient, ProviderSettings settings) : DelegatingChatClient(innerClient)
{
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var finished = false;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            finished |= update.FinishReason is not null;
            yield return update;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!finished)
        {
            throw ProviderErrorMapper.StreamCut(settings);
        }
    }
}
