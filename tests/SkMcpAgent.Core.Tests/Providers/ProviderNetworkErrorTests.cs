using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>Network failures and timeouts, after the SDKs' retries: one line naming the variable to check.</summary>
public sealed class ProviderNetworkErrorTests
{
    public static TheoryData<LlmProvider, bool> ProvidersAndStreaming => ProviderErrorTests.ProvidersAndStreaming;

    [Theory]
    [MemberData(nameof(ProvidersAndStreaming))]
    public async Task Call_NamesEndpointVariable_WhenConnectionIsRefused(LlmProvider provider, bool streaming)
    {
        await using var server = await FakeLlmServer.StartAsync();
        var closed = ProviderErrorTests.ClosedLoopbackPort();
        var settings = ProviderTestSettings.For(provider, server, maxRetries: 1);
        settings = ProviderErrorTests.WithEndpoint(settings, new Uri($"http://127.0.0.1:{closed}/v1"));

        var (error, logs) = await ProviderErrorTests.FailAsync(settings, streaming);

        Assert.StartsWith($"Cannot reach {settings.DisplayName} at 127.0.0.1:{closed} (tried 2 times): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith($"Check {settings.EndpointVariable} in /tmp/test.env and the network.", error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
        Assert.DoesNotContain(ProviderTestSettings.ApiKey, logs, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndStreaming))]
    public async Task Call_NamesTimeoutVariable_WhenModelDoesNotAnswerInTime(LlmProvider provider, bool streaming)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Responder = _ => FakeLlmReply.Stalled();
        var settings = ProviderTestSettings.For(provider, server, maxRetries: 0, timeout: TimeSpan.FromSeconds(0.5));

        var (error, logs) = await ProviderErrorTests.FailAsync(settings, streaming);

        Assert.Equal(
            $"{settings.DisplayName} at {server.BaseUrl.Authority} did not answer within 0.5 s: raise LLM_TIMEOUT_SECONDS in /tmp/test.env or try again later.",
            error.Message);
        // No retry with LLM_MAX_RETRIES=0. On a loaded machine the fake may not have recorded the one request before
        // the client gave up on it, so "at most one" is what this can assert.
        Assert.InRange(server.Requests.Count, 0, 1);
        Assert.DoesNotContain(ProviderTestSettings.ApiKey, logs, StringComparison.Ordinal);
    }
}
