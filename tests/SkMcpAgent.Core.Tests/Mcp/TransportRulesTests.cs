using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>
/// Streamable HTTP first; legacy SSE only on 400, 404 or 405. Anything else is the answer: a 401 with a static
/// Authorization header (no OAuth) and a 403 are reported once, with no SSE attempt.
/// </summary>
public sealed class TransportRulesTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.MethodNotAllowed)]
    public async Task Http_FallsBackToLegacySse_OnlyOnTheStatusesThatMeanAnOlderServer(HttpStatusCode status)
    {
        await using var endpoint = await StatusEndpoint.StartAsync(status);

        var server = await ConnectAsync(endpoint, authorizationHeader: null);

        Assert.Equal(ServerState.Failed, server.State);
        Assert.Contains(endpoint.Requests, static r => r == "GET");
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "401")]
    [InlineData(HttpStatusCode.Forbidden, "403")]
    [InlineData(HttpStatusCode.InternalServerError, "500")]
    public async Task Http_ReportsOtherRefusalsOnce_WithoutTryingSse(HttpStatusCode status, string shown)
    {
        await using var endpoint = await StatusEndpoint.StartAsync(status);

        var server = await ConnectAsync(endpoint, authorizationHeader: "Bearer static-token");

        Assert.Equal(ServerState.Failed, server.State);
        Assert.Contains(shown, server.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain("SSE", server.FailureReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["POST"], endpoint.Requests);
    }

    private static async Task<McpServerConnection> ConnectAsync(StatusEndpoint endpoint, string? authorizationHeader)
    {
        var headers = new Dictionary<string, string>();
        if (authorizationHeader is not null)
        {
            headers["Authorization"] = authorizationHeader;
        }

        var config = new McpServerConfig { Name = "remote", Transport = McpTransportKind.Http, Url = endpoint.Url, Headers = headers };
        var hub = new McpServerHub([config], new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);
        await using (hub)
        {
            hub.Start();
            await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
            return hub.Servers[0];
        }
    }

    /// <summary>A loopback endpoint that answers every request with one status, recording each request's method.</summary>
    private sealed class StatusEndpoint(LoopbackHttpServer server, ConcurrentQueue<string> requests) : IAsyncDisposable
    {
        public string Url => new Uri(server.BaseUrl, "mcp").ToString();

        public ConcurrentQueue<string> Requests => requests;

        public static async Task<StatusEndpoint> StartAsync(HttpStatusCode status)
        {
            var requests = new ConcurrentQueue<string>();
            var server = await LoopbackHttpServer.StartAsync(
                context =>
                {
                    requests.Enqueue(context.Request.Method);
                    context.Response.StatusCode = (int)status;
                    return Task.CompletedTask;
                },
                TestTimeouts.DefaultToken());
            return new StatusEndpoint(server, requests);
        }

        public ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
