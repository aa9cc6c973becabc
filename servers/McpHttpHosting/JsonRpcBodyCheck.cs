using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace McpHttpHosting;

/// <summary>
/// Where the 2025-11-25 transport spec and <c>MapMcp</c> disagree about a POST body, answers as the spec says before
/// the SDK sees it: a body that is not JSON gets JSON-RPC's parse error (-32700; the SDK says -32600, invalid
/// request), a body that is not <c>application/json</c> gets 415 (the SDK answers 500), and a JSON-RPC batch in a
/// 2025-03-26 session is run one message at a time (the SDK reads one message per POST and answers 400).
/// </summary>
internal sealed class JsonRpcBodyCheck(string streamablePath) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            await next(context);
            return;
        }

        if (!request.HasJsonContentType())
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                "Unsupported Media Type: send the JSON-RPC message with Content-Type: application/json.");
            return;
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(request, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body (no Content-Length) passed the guard and was cut off by the server's limit while read.
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload Too Large: the request body exceeds the server's limit.");
            return;
        }

        var shape = TopLevelToken(body);
        if (shape is null)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "Parse error: the body is not valid JSON.", JsonRpcErrors.ParseError);
            return;
        }

        if (shape == JsonTokenType.StartArray && request.Path == streamablePath && McpProtocolHeader.AllowsBatches(request))
        {
            await JsonRpcBatch.RunAsync(context, body, next);
            return;
        }

        // The SDK reads the body again, from this copy.
        request.Body = new MemoryStream(body, writable: false);
        await next(context);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream(request.ContentLength is { } length and <= int.MaxValue ? (int)length : 256);
        await request.Body.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    /// <summary>The first token of a body that is one well-formed JSON value, or null when it is not JSON.</summary>
    private static JsonTokenType? TopLevelToken(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var first = reader.TokenType;
            reader.Skip();
            return reader.Read() ? null : first;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
