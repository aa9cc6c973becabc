using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpHttpHosting;

/// <summary>The Streamable HTTP transport: POST carries messages, GET opens the server's own stream, DELETE ends a session.</summary>
internal sealed partial class StreamableHttpHandler(
    IOptions<McpServerOptions> serverOptions,
    McpSessionStore sessions,
    IHostApplicationLifetime lifetime,
    IServiceProvider applicationServices,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<StreamableHttpHandler>();

    public async Task HandlePostAsync(HttpContext context)
    {
        var accept = context.Request.GetTypedHeaders().Accept;
        if (!accept.Any(static a => a.MatchesMediaType("application/json")) || !accept.Any(static a => a.MatchesMediaType("text/event-stream")))
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status406NotAcceptable,
                "Not Acceptable: the client must accept both application/json and text/event-stream.");
            return;
        }

        var message = await JsonRpcHttp.ReadMessageOrRejectAsync(context);
        if (message is null)
        {
            return;
        }

        var requestId = message is JsonRpcRequest request ? request.Id : default;
        if (!await CheckProtocolVersionAsync(context, requestId))
        {
            return;
        }

        var session = await GetOrStartSessionAsync(context, message, requestId);
        if (session is null)
        {
            return;
        }

        using var reference = session.Acquire();
        if (reference is null)
        {
            await WriteSessionNotFoundAsync(context, requestId);
            return;
        }

        JsonRpcHttp.StartEventStream(context);
        var wroteResponse = await session.Transport.HandlePostRequestAsync(message, context.Response.Body, context.RequestAborted);
        if (!wroteResponse)
        {
            // A notification or a response: nothing to stream back.
            context.Response.Headers.ContentType = (string?)null;
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }
    }

    public async Task HandleGetAsync(HttpContext context)
    {
        if (!context.Request.GetTypedHeaders().Accept.Any(static a => a.MatchesMediaType("text/event-stream")))
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, "Not Acceptable: the client must accept text/event-stream.");
            return;
        }

        if (!await CheckProtocolVersionAsync(context, default))
        {
            return;
        }

        var session = await FindSessionAsync(context, default);
        if (session is null)
        {
            return;
        }

        if (context.Request.Headers.ContainsKey("Last-Event-ID"))
        {
            // No event store is kept, so there is nothing to replay; the SDK answers the same way without one.
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request: this server does not support resuming streams.");
            return;
        }

        if (!session.TryStartGetStream())
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: this session already has a GET stream open.");
            return;
        }

        // The stream ends when the client leaves, the session ends, or the application stops, whichever is first.
        using var streamEnd = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, session.Closed, lifetime.ApplicationStopping);
        try
        {
            using var reference = session.Acquire();
            if (reference is null)
            {
                await WriteSessionNotFoundAsync(context, default);
                return;
            }

            JsonRpcHttp.StartEventStream(context);
            await context.Response.Body.FlushAsync(streamEnd.Token);
            await session.Transport.HandleGetRequestAsync(context.Response.Body, streamEnd.Token);
        }
        catch (OperationCanceledException) when (streamEnd.IsCancellationRequested)
        {
            // How event streams normally end.
        }
    }

    public async Task HandleDeleteAsync(HttpContext context)
    {
        if (!await CheckProtocolVersionAsync(context, default))
        {
            return;
        }

        var sessionId = context.Request.Headers[McpHttpHeaders.SessionId].ToString();
        if (string.IsNullOrEmpty(sessionId))
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request: the Mcp-Session-Id header is required.");
            return;
        }

        if (!sessions.TryRemove(sessionId, out var session))
        {
            await WriteSessionNotFoundAsync(context, default);
            return;
        }

        LogSessionDeleted(sessionId);
        await session.DisposeAsync();
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>A missing header is accepted (older clients); an unknown version is a 400, as the spec says.</summary>
    private static async Task<bool> CheckProtocolVersionAsync(HttpContext context, RequestId requestId)
    {
        var version = context.Request.Headers[McpHttpHeaders.ProtocolVersion].ToString();
        if (version.Length == 0 || McpHttpHeaders.SupportedProtocolVersions.Contains(version))
        {
            return true;
        }

        await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
            $"Bad Request: MCP-Protocol-Version '{version}' is not supported; supported: {string.Join(", ", McpHttpHeaders.SupportedProtocolVersions)}.",
            id: requestId);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} ended by DELETE.")]
    private partial void LogSessionDeleted(string sessionId);
}
