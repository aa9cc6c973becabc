using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
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
        await using var endpoint = StatusEndpoint.Start(status);

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
        await using var endpoint = StatusEndpoint.Start(status);

        var server = await ConnectAsync(endpoint, authorizationHeader: "Bearer static-token");

        Assert.Equal(ServerState.Failed, server.State);
        Assert.Contains(shown, server.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain("SSE", server.FailureReason, StringComparison.OrdinalIgnoreCase);
        Assert.All(endpoint.Requests, static r => Assert.Equal("POST", r));
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
    private sealed class StatusEndpoint : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        private StatusEndpoint(HttpStatusCode status)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/mcp";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _serving = ServeAsync(status);
        }

        public string Url { get; }

        public ConcurrentQueue<string> Requests { get; } = new();

        public static StatusEndpoint Start(HttpStatusCode status) => new(status);

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _serving;
            _listener.Close();
        }

        private async Task ServeAsync(HttpStatusCode status)
        {
            while (true)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                Requests.Enqueue(context.Request.HttpMethod);
                context.Response.StatusCode = (int)status;
                context.Response.Close();
            }
        }
    }
}
