using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpHttpHosting;

/// <summary>Reading JSON-RPC from requests and writing errors and SSE headers to responses.</summary>
internal static class JsonRpcHttp
{
    /// <summary>Not in the MCP standard; the TypeScript SDK and the C# SDK use it for "session not found".</summary>
    public const int SessionNotFoundCode = -32001;

    private static readonly JsonTypeInfo<JsonRpcMessage> s_messageType = TypeInfo<JsonRpcMessage>();
    private static readonly JsonTypeInfo<JsonRpcError> s_errorType = TypeInfo<JsonRpcError>();

    /// <summary>The message in the body; when there is none, writes the 400 (or 413) response and returns null.</summary>
    public static async Task<JsonRpcMessage?> ReadMessageOrRejectAsync(HttpContext context)
    {
        try
        {
            var message = await context.Request.ReadFromJsonAsync(s_messageType, context.RequestAborted);
            if (message is not null)
            {
                return message;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload Too Large: the request body exceeds the server's limit.");
            return null;
        }
        catch (JsonException)
        {
            // Falls through to the 400 below.
        }
        catch (InvalidOperationException)
        {
            // No or a non-JSON content type: also a 400.
        }

        await WriteErrorAsync(context, StatusCodes.Status400BadRequest,
            "Bad Request: the body is not a valid JSON-RPC message.", (int)McpErrorCode.InvalidRequest);
        return null;
    }

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message, int code = -32000, RequestId id = default)
    {
        var error = new JsonRpcError { Id = id, Error = new JsonRpcErrorDetail { Code = code, Message = message } };
        return Results.Json(error, s_errorType, statusCode: statusCode).ExecuteAsync(context);
    }

    public static void StartEventStream(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentType = "text/event-stream";
        headers.CacheControl = "no-cache,no-store";
        headers.ContentEncoding = "identity";

        // Reverse proxies (nginx) must not buffer an event stream.
        headers["X-Accel-Buffering"] = "no";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
    }

    public static string NewSessionId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T));
}
