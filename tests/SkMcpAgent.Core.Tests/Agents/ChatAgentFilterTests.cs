using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Agents;

/// <summary>The agent wires the options into the middleware's filters.</summary>
public sealed class ChatAgentFilterTests
{
    [Fact]
    public async Task RunAsync_AppliesApprovalFromOptions_AndTheConsoleCanChangeItMidSession()
    {
        var ran = new List<string>();
        using var policy = new ApprovalPolicy(ApprovalMode.Deny);
        var inner = FakeChatClient.Scripted(
            Calls(Call("c1", "weather_get_forecast", new { city = "Paris", days = 1 })), Text("Denied."),
            Calls(Call("c2", "weather_get_forecast", new { city = "Paris", days = 1 })), Text("Ran."));
        var events = new RecordingEventSink();
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.Forecast(ran)), new ChatAgentOptions { Approval = policy }, events);

        await agent.RunAsync("first", TestTimeouts.DefaultToken());
        var denied = Assert.Single(agent.LastTurnCalls);
        agent.Approval.Mode = ApprovalMode.Auto;
        await agent.RunAsync("second", TestTimeouts.DefaultToken());

        Assert.False(denied.Succeeded);
        Assert.StartsWith("The user denied this call", denied.Result, StringComparison.Ordinal);
        Assert.Equal(["Paris:1"], ran);
        Assert.True(Assert.Single(agent.LastTurnCalls).Succeeded);
        Assert.Single(events.Events.OfType<FunctionCallStarted>());
        Assert.Equal(2, events.Events.OfType<FunctionCallFinished>().Count());
    }

    [Fact]
    public async Task RunAsync_CapsResultsAtTheConfiguredSize()
    {
        var inner = FakeChatClient.Scripted(Calls(Call("c1", "local_big")), Text("ok"));
        var options = new ChatAgentOptions { MaxResultCharacters = 10 };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.Create(() => "0123456789ABCDEF", "big")), options, new RecordingEventSink());

        await agent.RunAsync("Go", TestTimeouts.DefaultToken());

        Assert.StartsWith("0123456789\n[Result cut: it was 16 characters long", Assert.Single(agent.LastTurnCalls).Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TimesOutCallsAfterTheConfiguredTimeout()
    {
        var started = new TaskCompletionSource();
        var inner = FakeChatClient.Scripted(Calls(Call("c1", "local_slow")), Text("It timed out."));
        var options = new ChatAgentOptions { FunctionTimeout = TimeSpan.FromMilliseconds(10) };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.WaitsForCancellation("slow", started)), options, new RecordingEventSink());

        var response = await agent.RunAsync("Go", TestTimeouts.DefaultToken());

        Assert.Equal("It timed out.", response.Text);
        Assert.StartsWith("Error: function 'local_slow' did not finish within 0.01 s", Assert.Single(agent.LastTurnCalls).Result, StringComparison.Ordinal);
    }
}
