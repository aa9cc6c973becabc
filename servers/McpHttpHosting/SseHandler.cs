using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpHttpHosting;

/// <summary>The legacy HTTP+SSE transport (protocol 2024-11-05): GET opens the stream, POST to the announced endpoint sends.</summary>
internal sealed class SseHandler(
    IOptions<McpServerOptions> serverOptions,
    McpSessionStore sessions,
    IHostApplicationLifetime lifetime,
    IServiceProvider applicationServices,
    ILoggerFactory loggerFactory)
{
    public async Task HandleStreamAsync(HttpContext context, string messagesPath)
    {
        var sessionId = JsonRpcHttp.NewSessionId();
        var endpoint = $"{context.Request.PathBase}{messagesPath}?sessionId={sessionId}";
        await using var transport = new SseResponseStreamTransport(context.Response.Body, endpoint, sessionId);
        var session = new SseSession(sessionId, transport, sessions.TimeProvider);
        if (!await sessions.TryAddAsync(session, context.RequestAborted))
        {
            context.Response.Headers.RetryAfter = "5";
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable: too many open sessions; try again later.");
            return;
        }

        using var streamEnd = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, session.Closed, lifetime.ApplicationStopping);
        try
        {
            JsonRpcHttp.StartEventStream(context);
            var transportTask = transport.RunAsync(streamEnd.Token);
            try
            {
                await using var server = McpServer.Create(transport, serverOptions.Value, loggerFactory, applicationServices);
                await server.RunAsync(streamEnd.Token);
            }
            finally
            {
                await transport.DisposeAsync();
                await transportTask;
            }
        }
        catch (OperationCanceledException) when (streamEnd.IsCancellationRequested)
        {
            // How event streams normally end: the client left or the server is stopping.
        }
        finally
        {
            sessions.TryRemove(sessionId, out _);
        }
    }

    public async Task HandleMessageAsync(HttpContext context)
    {
        var sessionId = context.Request.Query["sessionId"].ToString();
        if (sessionId.Length == 0)
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request: the sessionId query parameter is required.");
            return;
        }

        if (!sessions.TryGet(sessionId, out var found) || found is not SseSession session)
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound,
                "Session not found: open a new stream with GET /sse.", JsonRpcHttp.SessionNotFoundCode);
            return;
        }

        var message = await JsonRpcHttp.ReadMessageOrRejectAsync(context);
        if (message is null)
        {
            return;
        }

        await session.Transport.OnMessageReceivedAsync(message, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        await context.Response.WriteAsync("Accepted", context.RequestAborted);
    }
}
