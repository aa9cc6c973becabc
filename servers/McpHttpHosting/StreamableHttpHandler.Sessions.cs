using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpHttpHosting;

/// <summary>Finding and starting sessions.</summary>
internal sealed partial class StreamableHttpHandler
{
    private async Task<StreamableHttpSession?> GetOrStartSessionAsync(HttpContext context, JsonRpcMessage message, RequestId requestId)
    {
        if (context.Request.Headers.ContainsKey(McpHttpHeaders.SessionId))
        {
            return await FindSessionAsync(context, requestId);
        }

        if (message is not JsonRpcRequest { Method: RequestMethods.Initialize })
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: only an initialize request may start a session; send the Mcp-Session-Id header with other requests.",
                id: requestId);
            return null;
        }

        return await StartSessionAsync(context, requestId);
    }

    private async Task<StreamableHttpSession?> StartSessionAsync(HttpContext context, RequestId requestId)
    {
        var transport = new StreamableHttpServerTransport(loggerFactory) { SessionId = JsonRpcHttp.NewSessionId() };

        // The session outlives this request, so its server gets the application's services, not the request's.
        var server = McpServer.Create(transport, serverOptions.Value, loggerFactory, applicationServices);
        var session = new StreamableHttpSession(transport, server, sessions.TimeProvider);

        if (!await sessions.TryAddAsync(session, context.RequestAborted))
        {
            await session.DisposeAsync();
            context.Response.Headers.RetryAfter = "5";
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable,
                "Service Unavailable: too many open sessions; try again later.", id: requestId);
            return null;
        }

        session.RunTask = server.RunAsync(session.Closed);
        LogSessionStarted(session.Id);
        context.Response.Headers[McpHttpHeaders.SessionId] = session.Id;
        return session;
    }

    private async Task<StreamableHttpSession?> FindSessionAsync(HttpContext context, RequestId requestId)
    {
        var sessionId = context.Request.Headers[McpHttpHeaders.SessionId].ToString();
        if (string.IsNullOrEmpty(sessionId))
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request: the Mcp-Session-Id header is required.", id: requestId);
            return null;
        }

        if (!sessions.TryGet(sessionId, out var found) || found is not StreamableHttpSession session)
        {
            await WriteSessionNotFoundAsync(context, requestId);
            return null;
        }

        context.Response.Headers[McpHttpHeaders.SessionId] = session.Id;
        return session;
    }

    private static Task WriteSessionNotFoundAsync(HttpContext context, RequestId requestId) =>
        JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound,
            "Session not found: it ended or expired; start a new one with initialize.", JsonRpcHttp.SessionNotFoundCode, requestId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} started.")]
    private partial void LogSessionStarted(string sessionId);
}
