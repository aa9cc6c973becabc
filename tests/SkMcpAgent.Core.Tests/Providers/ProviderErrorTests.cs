using SkMcpAgent.Testing.Logging;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>Every failure a user can act on ends as one ProviderException line that says what to check, without the key.</summary>
public sealed partial class ProviderErrorTests
{
    public static TheoryData<LlmProvider> Providers => ProviderTestSettings.AllProviders;

    public static TheoryData<LlmProvider, bool> ProvidersAndStreaming => new()
    {
        { LlmProvider.AzureOpenAI, false }, { LlmProvider.AzureOpenAI, true },
        { LlmProvider.OpenAI, false }, { LlmProvider.OpenAI, true },
        { LlmProvider.Anthropic, false }, { LlmProvider.Anthropic, true },
    };

    [Theory]
    [MemberData(nameof(ProvidersAndStreaming))]
    public async Task Call_NamesKeyVariableAndEnvFile_WhenAuthenticationFails(LlmProvider provider, bool streaming)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Error(401, message: $"Incorrect API key provided: {ProviderTestSettings.ApiKey}"));
        var settings = ProviderTestSettings.For(provider, server, maxRetries: 2);

        var (error, logs) = await FailAsync(settings, streaming);

        var keyVariable = provider switch
        {
            LlmProvider.AzureOpenAI => "AZURE_OPENAI_API_KEY",
            LlmProvider.OpenAI => "OPENAI_API_KEY",
            _ => "ANTHROPIC_API_KEY",
        };
        Assert.Equal(
            $"Authentication failed for {settings.DisplayName} at {server.BaseUrl.Authority} (HTTP 401): check {keyVariable} in /tmp/test.env.",
            error.Message);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal(provider, error.Provider);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(ProviderTestSettings.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ProviderTestSettings.ApiKey, logs, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Call_ReportsAuthenticationFailure_WhenForbidden(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Error(403));

        var (error, _) = await FailAsync(ProviderTestSettings.For(provider, server), streaming: false);

        Assert.StartsWith("Authentication failed for ", error.Message, StringComparison.Ordinal);
        Assert.Contains("(HTTP 403)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_PointsAtEntraId_WhenAzureWithoutKeyIsRefused()
    {
        await using var server = await FakeLlmServer.StartAsync();
        var settings = ProviderTestSettings.For(LlmProvider.AzureOpenAI, server, apiKey: null);
        settings = WithEndpoint(settings, new Uri("https://" + server.BaseUrl.Authority));

        // DefaultAzureCredential finds no identity offline, so the failure is the sign-in, before any request.
        var (error, _) = await FailAsync(settings, streaming: false);

        Assert.Empty(server.Requests);
        Assert.Contains("Microsoft Entra ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("AZURE_OPENAI_API_KEY in /tmp/test.env", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Call_NamesModelOrDeployment_WhenNotFound(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Error(404, message: "The model does not exist"));
        var settings = ProviderTestSettings.For(provider, server, maxRetries: 2);

        var (error, _) = await FailAsync(settings, streaming: false);

        var expected = provider switch
        {
            LlmProvider.AzureOpenAI => $"Azure OpenAI at {server.BaseUrl.Authority} has no deployment 'my-deployment' (HTTP 404): check AZURE_OPENAI_DEPLOYMENT and AZURE_OPENAI_ENDPOINT in /tmp/test.env.",
            LlmProvider.OpenAI => $"OpenAI at {server.BaseUrl.Authority} has no model 'gpt-test' (HTTP 404): check OPENAI_MODEL and OPENAI_BASE_URL in /tmp/test.env.",
            _ => $"Anthropic at {server.BaseUrl.Authority} has no model 'claude-test' (HTTP 404): check ANTHROPIC_MODEL and ANTHROPIC_BASE_URL in /tmp/test.env.",
        };
        Assert.Equal(expected, error.Message);
        Assert.Single(server.Requests);
    }

    internal static async Task<(ProviderException Error, string Logs)> FailAsync(ProviderSettings settings, bool streaming)
    {
        var logs = new CapturingLoggerFactory();
        using var client = ChatClientFactory.Create(settings, logs);
        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            if (streaming)
            {
                await foreach (var update in client.GetStreamingResponseAsync("Hello", cancellationToken: TestTimeouts.DefaultToken()))
                {
                    _ = update;
                }
            }
            else
            {
                await client.GetResponseAsync("Hello", cancellationToken: TestTimeouts.DefaultToken());
            }
        });

        Assert.DoesNotContain('\n', error.Message);
        Assert.NotEmpty(logs.Entries);
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            // Every error path: not in the message, not in the exception chain, not in any log entry at any level.
            Assert.DoesNotContain(settings.ApiKey, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(settings.ApiKey, logs.AllText, StringComparison.Ordinal);
        }

        return (error, logs.AllText);
    }
}
