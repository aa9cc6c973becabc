using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>Each provider's real SDK over real HTTP to the fake: answers, streaming, usage, finish reasons.</summary>
public sealed partial class ProviderRoundTripTests
{
    public static TheoryData<LlmProvider> Providers => ProviderTestSettings.AllProviders;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetResponseAsync_ReturnsTextUsageAndFinishReason_WhenModelAnswers(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("The answer is 42."));
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(provider, server));

        var response = await client.GetResponseAsync("What is the answer?", cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal("The answer is 42.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(11, response.Usage?.InputTokenCount);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        Assert.NotNull(response.ResponseId);
        Assert.Equal("What is the answer?", Assert.Single(server.Requests).LastUserText());
    }
}
