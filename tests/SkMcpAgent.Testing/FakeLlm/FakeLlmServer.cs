using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SkMcpAgent.Testing.FakeLlm;

/// <summary>
/// A loopback HTTP server that speaks the real LLM wire protocols (OpenAI Chat Completions, Azure OpenAI v1,
/// Anthropic Messages, OpenAI Responses; JSON and SSE), scripted per test, recording every request. The real SDKs talk to it over HTTP.
/// </summary>
/// <remarks>
/// Point OpenAI at <see cref="OpenAIBaseUrl"/>, Azure at <see cref="AzureEndpoint"/>, Anthropic at <see cref="AnthropicBaseUrl"/>.
/// Replies come from the queue first (<see cref="Enqueue"/>), then from <see cref="Responder"/>; with neither, a 500.
/// </remarks>
public sealed partial class FakeLlmServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeLlmReply> _replies = new();
    private readonly List<FakeLlmRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackHttpServer? _http;
    private int _requestCount;

    private FakeLlmServer()
    {
    }

    /// <summary>http://127.0.0.1:port/ (with the trailing slash).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The value for OPENAI_BASE_URL: the base URL plus "v1", as api.openai.com has it.</summary>
    public string OpenAIBaseUrl => BaseUrl + "v1";

    /// <summary>The value for AZURE_OPENAI_ENDPOINT (the resource root; the client adds /openai/v1/).</summary>
    public string AzureEndpoint => BaseUrl.ToString().TrimEnd('/');

    /// <summary>The value for ANTHROPIC_BASE_URL (the SDK adds /v1/messages).</summary>
    public string AnthropicBaseUrl => BaseUrl.ToString().TrimEnd('/');

    /// <summary>Decides a reply from the request when the queue is empty (e.g. "answer with the tool result").</summary>
    public Func<FakeLlmRequest, FakeLlmReply>? Responder { get; set; }

    /// <summary>A snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<FakeLlmRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeLlmServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new FakeLlmServer();
        server._http = await LoopbackHttpServer.StartAsync(server.HandleAsync, cancellationToken);
        server.BaseUrl = server._http.BaseUrl;
        return server;
    }

    public void Enqueue(params FakeLlmReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_http is not null)
        {
            await _http.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        if (request is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var number = Interlocked.Increment(ref _requestCount);
        var reply = _replies.TryDequeue(out var queued) ? queued
            : Responder?.Invoke(request)
            ?? FakeLlmReply.Error(500, message: "FakeLlmServer: no reply was scripted for this request.");

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        if (reply.Stall)
        {
            // Hold the request until the client gives up or the server stops; nothing is ever written.
            await Task.Delay(Timeout.Infinite, aborted.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (reply.ErrorStatus is int status)
        {
            await WriteErrorAsync(context, request.Protocol, status, reply);
            return;
        }

        var model = request.Model ?? "fake-model";
        if (request.Protocol == FakeLlmProtocol.Anthropic)
        {
            await WriteAnthropicAsync(context, request, reply, $"msg_fake_{number}", model, aborted.Token);
        }
        else if (request.Protocol == FakeLlmProtocol.OpenAIResponses)
        {
            await WriteResponsesAsync(context, request, reply, $"resp_fake_{number}", model, aborted.Token);
        }
        else
        {
            await WriteOpenAIAsync(context, request, reply, $"chatcmpl-fake-{number}", model, aborted.Token);
        }
    }

    private async Task<FakeLlmRequest?> RecordAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        FakeLlmProtocol? protocol =
            path.EndsWith("/chat/completions", StringComparison.Ordinal)
                ? (path.Contains("/openai/", StringComparison.Ordinal) ? FakeLlmProtocol.AzureOpenAI : FakeLlmProtocol.OpenAI)
            : path.EndsWith("/messages", StringComparison.Ordinal) ? FakeLlmProtocol.Anthropic
            : path.EndsWith("/responses", StringComparison.Ordinal) ? FakeLlmProtocol.OpenAIResponses
            : null;

        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        JsonNode? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // Recorded with a null body: the test sees the SDK sent something that was not JSON.
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new FakeLlmRequest(context.Request.Method, path, headers, body, protocol ?? FakeLlmProtocol.OpenAI, context.Request.QueryString.Value ?? "");
        lock (_requests)
        {
            _requests.Add(request);
        }

        return protocol is null || !HttpMethods.IsPost(context.Request.Method) ? null : request;
    }
}
