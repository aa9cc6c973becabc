using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SkMcpAgent.Tests.Support;

/// <summary>A hand-written fake model: each request is answered by <see cref="OnRequest"/>; requests are recorded.</summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly List<List<ChatMessage>> _requests = [];
    private readonly List<ChatOptions?> _options = [];

    public Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<ChatResponse>> OnRequest { get; set; } =
        static (_, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));

    public IReadOnlyList<IReadOnlyList<ChatMessage>> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The options of each request, in order (the model asked for, tools offered).</summary>
    public IReadOnlyList<ChatOptions?> Options
    {
        get
        {
            lock (_requests)
            {
                return [.. _options];
            }
        }
    }

    /// <summary>Answers with a call of <paramref name="function"/> first, then with the text of the result it got.</summary>
    public static Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<ChatResponse>> CallThenEcho(string function) =>
        (messages, _) =>
        {
            var result = messages[^1].Contents.OfType<FunctionResultContent>().FirstOrDefault();
            var reply = result is null
                ? new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", function, new Dictionary<string, object?>())])
                : new ChatMessage(ChatRole.Assistant, "Result was: " + result.Result?.ToString()?.Split('\n')[0]);
            return Task.FromResult(new ChatResponse(reply));
        };

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        lock (_requests)
        {
            _requests.Add(list);
            _options.Add(options);
        }

        return OnRequest(list, cancellationToken);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
