using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace SkMcpAgent.Core.Providers;

/// <summary>
/// Maps the SDKs' exceptions to <see cref="ProviderException"/> with a message the user can act on. Retries are the
/// SDKs' own (configured by <see cref="ChatClientFactory"/>); this layer only translates what is left after them.
/// </summary>
internal sealed class ProviderErrorChatClient(IChatClient innerClient, ProviderSettings settings, ILogger logger)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Sessions.StartupTrace.MarkOnce("first model request");
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Map(ex, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Sessions.StartupTrace.MarkOnce("first model request");
        // A yield cannot sit inside a try with a catch, so the enumerator is driven by hand.
        var enumerator = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    Sessions.StartupTrace.MarkOnce("first model update");
                }
                catch (Exception ex) when (Map(ex, cancellationToken) is { } mapped)
                {
                    throw mapped;
                }

                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ProviderException? Map(Exception exception, CancellationToken cancellationToken)
    {
        var mapped = ProviderErrorMapper.Map(exception, settings, cancellationToken);
        if (mapped is not null)
        {
            ProviderLog.CallFailed(logger, settings.DisplayName, mapped.StatusCode, mapped.Message);
        }

        return mapped;
    }
}
