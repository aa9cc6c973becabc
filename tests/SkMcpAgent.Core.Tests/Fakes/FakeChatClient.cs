using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Tests.Fakes;

/// <summary>An <see cref="IChatClient"/> whose behaviour each test sets through callbacks; records every request.</summary>
public sealed class FakeChatClient : IChatClient
{
    private readonly Lock _gate = new();
    private readonly List<FakeChatRequest> _requests = [];

    public Func<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>>? GetResponseAsyncCallback { get; set; }

    public Func<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>>? GetStreamingResponseAsyncCallback { get; set; }

    public IReadOnlyList<FakeChatRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>A client that answers with the given responses in order, streaming or not.</summary>
    public static FakeChatClient Scripted(params ChatResponse[] responses)
    {
        var queue = new Queue<ChatResponse>(responses);
        ChatResponse Next() => queue.Count > 0 ? queue.Dequeue() : throw new InvalidOperationException("The script has no more responses.");
        return new FakeChatClient
        {
            GetResponseAsyncCallback = (_, _, _) => Task.FromResult(Next()),
            GetStreamingResponseAsyncCallback = (_, _, cancellationToken) => Stream(Next().ToChatResponseUpdates(), cancellationToken),
        };
    }

    public static async IAsyncEnumerable<ChatResponseUpdate> Stream(
        IEnumerable<ChatResponseUpdate> updates,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in updates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return update;
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Record(messages, options);
        return GetResponseAsyncCallback is { } callback
            ? callback(messages, options, cancellationToken)
            : throw new InvalidOperationException("GetResponseAsyncCallback is not set.");
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Record(messages, options);
        return GetStreamingResponseAsyncCallback is { } callback
            ? callback(messages, options, cancellationToken)
            : throw new InvalidOperationException("GetStreamingResponseAsyncCallback is not set.");
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private void Record(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        lock (_gate)
        {
            _requests.Add(new FakeChatRequest([.. messages], options));
        }
    }
}
