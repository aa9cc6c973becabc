using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>The chat pipeline's auto function calling over each provider's real SDK: several streamed calls, results sent back.</summary>
public sealed class ProviderAutoFunctionCallingTests
{
    public static TheoryData<LlmProvider> Providers => ProviderTestSettings.AllProviders;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Streaming_RunsEveryRequestedCallAndSendsResultsBack_WhenModelAsksForSeveral(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.ToolCalls(("get_sum", """{"a":1,"b":2}"""), ("get_sum", """{"a":40,"b":2}""")) with { StreamPieces = 4 });
        server.Responder = request => FakeLlmReply.Text(string.Join(" and ", request.ToolResults().Select(r => r.Content)));
        using var client = new FunctionInvokingChatClient(ChatClientFactory.Create(ProviderTestSettings.For(provider, server)));
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((int a, int b) => a + b, "get_sum", "Adds two integers.")] };

        var updates = await client.GetStreamingResponseAsync("Two sums please", options, TestTimeouts.DefaultToken()).ToListAsync();

        Assert.Equal("3 and 42", updates.ToChatResponse().Messages[^1].Text);
        Assert.Equal(2, server.Requests.Count);
        var results = server.Requests[1].ToolResults();
        Assert.Equal(["3", "42"], results.Select(r => r.Content));
        Assert.Equal(2, results.Select(r => r.CallId).Distinct().Count());
    }
}
