using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SkMcpAgent.Testing.FakeLlm;

public sealed partial class FakeLlmServer
{
    private static async Task WriteOpenAIAsync(HttpContext context, FakeLlmRequest request, FakeLlmReply reply, string id, string model, CancellationToken cancellationToken)
    {
        if (!request.Stream)
        {
            await WriteJsonAsync(context, 200, CutJson(OpenAIWire.Completion(reply, id, model).ToJsonString(), reply), cancellationToken);
            return;
        }

        var includeUsage = request.Body?["stream_options"]?["include_usage"]?.GetValue<bool>() ?? false;
        StartEventStream(context);
        foreach (var data in OpenAIWire.Chunks(reply, id, model, includeUsage))
        {
            await context.Response.WriteAsync($"data: {data}\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
    }

    private static async Task WriteAnthropicAsync(HttpContext context, FakeLlmRequest request, FakeLlmReply reply, string id, string model, CancellationToken cancellationToken)
    {
        if (!request.Stream)
        {
            await WriteJsonAsync(context, 200, CutJson(AnthropicWire.Message(reply, id, model).ToJsonString(), reply), cancellationToken);
            return;
        }

        StartEventStream(context);
        foreach (var (name, data) in AnthropicWire.Events(reply, id, model))
        {
            await context.Response.WriteAsync($"event: {name}\ndata: {data}\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
    }

    private static async Task WriteResponsesAsync(HttpContext context, FakeLlmRequest request, FakeLlmReply reply, string id, string model, CancellationToken cancellationToken)
    {
        if (!request.Stream)
        {
            await WriteJsonAsync(context, 200, CutJson(ResponsesWire.Response(reply, id, model).ToJsonString(), reply), cancellationToken);
            return;
        }

        StartEventStream(context);
        foreach (var (name, data) in ResponsesWire.Events(reply, id, model))
        {
            await context.Response.WriteAsync($"event: {name}\ndata: {data}\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, FakeLlmProtocol protocol, int status, FakeLlmReply reply)
    {
        var message = reply.ErrorMessage ?? $"Fake error {status.ToString(CultureInfo.InvariantCulture)}.";
        if (reply.RetryAfterSeconds is int seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (reply.RetryAfterMilliseconds is int milliseconds)
        {
            context.Response.Headers["retry-after-ms"] = milliseconds.ToString(CultureInfo.InvariantCulture);
        }

        var body = protocol == FakeLlmProtocol.Anthropic ? AnthropicWire.Error(status, message) : OpenAIWire.Error(status, message);
        return WriteJsonAsync(context, status, body.ToJsonString(), context.RequestAborted);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, string json, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, cancellationToken);
    }

    // A cut JSON reply ends in the middle of its body (sent whole, with a Content-Length that matches what is sent).
    private static string CutJson(string json, FakeLlmReply reply) => reply.Cut == FakeLlmCut.None ? json : json[..(json.Length / 2)];

    private static void StartEventStream(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
    }
}
