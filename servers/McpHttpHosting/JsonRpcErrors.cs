using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpHttpHosting;

/// <summary>JSON-RPC error responses written before a request reaches the SDK, in the SDK's own shape.</summary>
internal static class JsonRpcErrors
{
    /// <summary>JSON-RPC 2.0's "Parse error": the body is not JSON at all.</summary>
    public const int ParseError = -32700;

    /// <summary>Not in the MCP standard; the TypeScript SDK and the C# SDK use it for "session not found".</summary>
    public const int SessionNotFound = -32001;

    /// <summary>The code the SDK uses for transport-level refusals that JSON-RPC has no code for.</summary>
    public const int ServerError = -32000;

    private static readonly JsonTypeInfo<JsonRpcError> s_errorType =
        (JsonTypeInfo<JsonRpcError>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError));

    public static Task WriteAsync(HttpContext context, int statusCode, string message, int code = ServerError)
    {
        var error = new JsonRpcError { Id = default, Error = new JsonRpcErrorDetail { Code = code, Message = message } };
        return Results.Json(error, s_errorType, statusCode: statusCode).ExecuteAsync(context);
    }
}
