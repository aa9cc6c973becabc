using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>
/// The kernel's automatic function calling over each provider's real SDK: several calls in one (streamed)
/// response, every one run, the results sent back in one follow-up.
/// </summary>
public sealed class ProviderAutoFunctionCallingTests
{
    public static TheoryData<LlmProvider, bool> ProvidersAndStreaming => ProviderErrorTests.ProvidersAndStreaming;

    [Theory]
    [MemberData(nameof(ProvidersAndStreaming))]
    public async Task Turn_RunsEveryRequestedCallAndSendsResultsBack_WhenModelAsksForSeveral(LlmProvider provider, bool streaming)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.ToolCalls(("math_get_sum", """{"a":1,"b":2}"""), ("math_get_sum", """{"a":40,"b":2}""")) with { StreamPieces = 4 });
        server.Responder = request => FakeLlmReply.Text(string.Join(" and ", request.ToolResults().Select(r => r.Content)));
        var agent = CreateAgent(provider, server, AIFunctionFactory.Create((int a, int b) => a + b, "math_get_sum", "Adds two integers."));

        var answer = streaming
            ? (await agent.RunStreamingAsync("Two sums please", TestTimeouts.DefaultToken()).ToListAsync()).ToChatResponse().Messages[^1].Text
            : (await agent.RunAsync("Two sums please", TestTimeouts.DefaultToken())).Messages[^1].Text;

        Assert.Equal("3 and 42", answer);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(streaming, r.Stream));
        Assert.Contains("math_get_sum", server.Requests[0].Tools.Select(t => (t?["name"] ?? t?["function"]?["name"])?.GetValue<string>()));
        var results = server.Requests[1].ToolResults();
        Assert.Equal(["3", "42"], results.Select(r => r.Content));
        Assert.Equal(2, results.Select(r => r.CallId).Distinct().Count());
        Assert.Equal(2, agent.LastTurnCalls.Count);
        Assert.All(agent.LastTurnCalls, c => Assert.True(c.Succeeded, c.Result));
    }

    private static ChatAgent CreateAgent(LlmProvider provider, FakeLlmServer server, params AIFunction[] functions)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddChatProvider(ProviderTestSettings.For(provider, server));
        foreach (var plugin in new FakeFunctionSource(functions).CreatePlugins())
        {
            builder.Plugins.Add(plugin);
        }

        return TestAgent.Create(builder.Build(), new ChatAgentOptions { Approval = new ApprovalPolicy(ApprovalMode.Auto) }, new RecordingEventSink());
    }
}
