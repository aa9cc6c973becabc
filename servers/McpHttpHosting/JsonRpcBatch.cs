using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;

namespace McpHttpHosting;

/// <summary>
/// A JSON-RPC batch (protocol 2025-03-26) run through the SDK's single-message endpoint one message at a time, in
/// order; the answers come back as one event stream (the 2025-03-26 transport lets a server answer a batch's requests
/// as SSE events), or 202 when the batch held no request.
/// </summary>
internal static class JsonRpcBatch
{
    private static readonly byte[] s_eventStart = Encoding.UTF8.GetBytes("event: message\ndata: ");
    private static readonly byte[] s_eventEnd = Encoding.UTF8.GetBytes("\n\n");

    public static async Task RunAsync(HttpContext context, byte[] batch, RequestDelegate endpoint)
    {
        var messages = Split(batch);
        if (messages.Count == 0)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid Request: the batch is empty.", (int)McpErrorCode.InvalidRequest);
            return;
        }

        var response = context.Response;
        var realBody = response.Body;
        using var events = new MemoryStream();
        foreach (var message in messages)
        {
            context.Request.Body = new MemoryStream(message, writable: false);
            context.Request.ContentLength = message.Length;
            using var answer = new MemoryStream();
            response.Body = answer;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = null;
            response.ContentLength = null;

            await endpoint(context);
            AppendAnswer(events, response, answer);
        }

        response.Body = realBody;
        if (events.Length == 0)
        {
            response.ContentType = null;
            response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        response.ContentLength = null;
        events.Position = 0;
        await events.CopyToAsync(realBody, context.RequestAborted);
    }

    /// <summary>An event stream is passed on as it is; a JSON error (the message was refused) becomes one event.</summary>
    private static void AppendAnswer(MemoryStream events, HttpResponse response, MemoryStream answer)
    {
        if (response.StatusCode == StatusCodes.Status202Accepted || answer.Length == 0)
        {
            return;
        }

        if (response.ContentType?.StartsWith("text/event-stream", StringComparison.Ordinal) == true)
        {
            answer.WriteTo(events);
            return;
        }

        events.Write(s_eventStart);
        answer.WriteTo(events);
        events.Write(s_eventEnd);
    }

    private static List<byte[]> Split(byte[] batch)
    {
        var messages = new List<byte[]>();
        var reader = new Utf8JsonReader(batch);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            messages.Add(batch[start..(int)reader.BytesConsumed]);
        }

        return messages;
    }
}
