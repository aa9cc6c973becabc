using System.Net;
using Microsoft.Extensions.AI;
using System.Net.Sockets;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

public sealed partial class ProviderErrorTests
{
    [Theory]
    [MemberData(nameof(ProvidersAndStreaming))]
    public async Task Call_RetriesThenSucceeds_WhenRateLimitedWithRetryAfter(LlmProvider provider, bool streaming)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(RetryableError(provider, 429), RetryableError(provider, 503), FakeLlmReply.Text("finally"));
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(provider, server, maxRetries: 2));

        var text = streaming
            ? (await client.GetStreamingResponseAsync("Hi").ToListAsync()).ToChatResponse().Text
            : (await client.GetResponseAsync("Hi")).Text;

        Assert.Equal("finally", text);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Call_ReportsRateLimitAfterConfiguredRetries_WhenStillRateLimited(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Responder = _ => RetryableError(provider, 429, "Too many requests");
        var settings = ProviderTestSettings.For(provider, server, maxRetries: 2);

        var (error, logs) = await FailAsync(settings, streaming: false);

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(
            $"{settings.DisplayName} at {server.BaseUrl.Authority} is rate limiting requests (HTTP 429), still after 2 retries: wait a moment and try again. The service said: Too many requests",
            error.Message);
        Assert.DoesNotContain(ProviderTestSettings.ApiKey, logs, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndStreaming))]
    public async Task Call_ReportsServerErrorAfterConfiguredRetries_WhenServiceKeepsFailing(LlmProvider provider, bool streaming)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Responder = _ => RetryableError(provider, 500, $"Internal error for key {ProviderTestSettings.ApiKey}");
        var settings = ProviderTestSettings.For(provider, server, maxRetries: 1);

        var (error, logs) = await FailAsync(settings, streaming);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal(
            $"{settings.DisplayName} at {server.BaseUrl.Authority} failed with HTTP 500 after 1 retries: try again later. The service said: Internal error for key ***",
            error.Message);
        Assert.DoesNotContain(ProviderTestSettings.ApiKey, logs, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Call_ShowsServiceMessage_WhenRequestIsRejected(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Error(400, message: "messages: must not be empty"));
        var settings = ProviderTestSettings.For(provider, server, maxRetries: 2);

        var (error, _) = await FailAsync(settings, streaming: false);

        Assert.Equal(
            $"{settings.DisplayName} at {server.BaseUrl.Authority} rejected the request (HTTP 400). The service said: messages: must not be empty",
            error.Message);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(LlmProvider.OpenAI)]
    [InlineData(LlmProvider.Anthropic)]
    public async Task Call_WaitsAsLongAsRetryAfterSays_WhenRateLimited(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Error(429, retryAfterSeconds: 1), FakeLlmReply.Text("ok"));
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(provider, server, maxRetries: 1));

        await client.GetResponseAsync("Hi");

        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.InRange((requests[1].ReceivedAt - requests[0].ReceivedAt).TotalSeconds, 0.9, 5);
    }

    // Retry-After: 0 asks for no wait; the Anthropic SDK ignores a zero wait (it backs off instead) but honours retry-after-ms.
    private static FakeLlmReply RetryableError(LlmProvider provider, int status, string? message = null) =>
        FakeLlmReply.Error(status, retryAfterSeconds: 0, message, retryAfterMilliseconds: provider == LlmProvider.Anthropic ? 1 : null);

    internal static ProviderSettings WithEndpoint(ProviderSettings s, Uri endpoint) => new()
    {
        Provider = s.Provider, Model = s.Model, Endpoint = endpoint, ApiKey = s.ApiKey, MaxOutputTokens = s.MaxOutputTokens,
        MaxRetries = s.MaxRetries, Timeout = s.Timeout, EnvFilePath = s.EnvFilePath,
    };

    internal static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
