using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Agents;

public sealed class ChatAgentTests
{
    private static readonly ChatAgentOptions s_options = new() { SystemPrompt = "You are terse." };

    [Fact]
    public async Task RunAsync_AppendsTurnToHistoryAndRecordsCalls()
    {
        var inner = FakeChatClient.Scripted(
            new ChatResponse(new ChatMessage(ChatRole.Assistant, [Call("c1", "weather_get_forecast", new { city = "Paris", days = 1 })])) { Usage = new() { TotalTokenCount = 30 } },
            Text("Sunny.", new UsageDetails { TotalTokenCount = 12 }));
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.Forecast()), s_options, new RecordingEventSink());

        var response = await agent.RunAsync("Weather in Paris?", TestTimeouts.DefaultToken());

        Assert.Equal("Sunny.", response.Text);
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], agent.History.Select(m => m.Role));
        Assert.Equal("You are terse.", agent.History[0].Text);
        Assert.Equal(42, agent.LastUsage?.TotalTokenCount);
        var call = Assert.Single(agent.LastTurnCalls);

        // The server is the MCP server behind the kernel plugin; a fake plugin is none (McpServerPluginTests covers servers).
        Assert.Equal(("c1", "weather_get_forecast", (string?)null, true, "Paris: sunny for 1 days"), (call.CallId, call.Function, call.Server, call.Succeeded, call.Result));
        Assert.Equal("Paris", call.Arguments["city"]?.ToString());
    }

    [Fact]
    public async Task RunAsync_OffersTheSourcesCurrentFunctions_OnEveryRequest()
    {
        var source = new FakeFunctionSource();
        var inner = FakeChatClient.Scripted(Text("one"), Text("two"));
        var agent = TestAgent.Create(inner, source, new ChatAgentOptions { ExecutionSettings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.2, ["max_tokens"] = 300 } } }, new RecordingEventSink());

        await agent.RunAsync("first", TestTimeouts.DefaultToken());
        source.Functions.Add(FakeFunctions.Forecast());
        await agent.RunAsync("second", TestTimeouts.DefaultToken());

        Assert.Null(inner.Requests[0].Options?.Tools);
        Assert.Equal(["weather_get_forecast"], inner.Requests[1].Options!.Tools!.Select(t => t.Name));
        Assert.Equal(0.2f, inner.Requests[1].Options!.Temperature);
        Assert.Equal(300, inner.Requests[1].Options!.MaxOutputTokens);
    }

    [Fact]
    public async Task RunStreamingAsync_BuildsTheSameHistoryAsRunAsync()
    {
        var inner = FakeChatClient.Scripted(Calls(Call("c1", "weather_get_forecast", new { city = "Paris", days = 1 })), Text("Sunny."));
        var agent = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.Forecast()), s_options, new RecordingEventSink());

        var text = new List<string>();
        await foreach (var update in agent.RunStreamingAsync("Weather in Paris?", TestTimeouts.DefaultToken()))
        {
            text.Add(update.Text);
        }

        Assert.Equal("Sunny.", string.Concat(text));
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], agent.History.Select(m => m.Role));
        Assert.Single(agent.LastTurnCalls);
    }

    [Fact]
    public async Task RunAsync_KeepsUserMessageAndRethrows_WhenProviderFails()
    {
        var inner = new FakeChatClient { GetResponseAsyncCallback = (_, _, _) => throw new HttpRequestException("401 Unauthorized") };
        var agent = TestAgent.Create(inner, new FakeFunctionSource(), s_options, new RecordingEventSink());

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => agent.RunAsync("Hello?", TestTimeouts.DefaultToken()));

        Assert.Equal("401 Unauthorized", thrown.Message);
        Assert.Equal([ChatRole.System, ChatRole.User], agent.History.Select(m => m.Role));
        Assert.Equal("Hello?", agent.History[1].Text);
    }

    [Fact]
    public void Clear_KeepsTheSystemPrompt()
    {
        var agent = TestAgent.Create(new FakeChatClient(), new FakeFunctionSource(), s_options, new RecordingEventSink());
        agent.AddMessages([new ChatMessage(ChatRole.User, "from a prompt"), new ChatMessage(ChatRole.Assistant, "ok")]);

        agent.Clear();

        var only = Assert.Single(agent.History);
        Assert.Equal((ChatRole.System, "You are terse."), (only.Role, only.Text));
    }

    [Fact]
    public void History_IsEmpty_WithoutSystemPrompt()
    {
        var agent = TestAgent.Create(new FakeChatClient(), new FakeFunctionSource(), new ChatAgentOptions(), new RecordingEventSink());

        Assert.Empty(agent.History);
    }

    [Fact]
    public void MaxRounds_IsValidated_InOptionsAndOnTheAgent()
    {
        var agent = TestAgent.Create(new FakeChatClient(), new FakeFunctionSource(), new ChatAgentOptions { MaxRounds = 4 }, new RecordingEventSink());

        Assert.Equal(4, agent.MaxRounds);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChatAgentOptions { MaxRounds = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => agent.MaxRounds = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChatAgentOptions { FunctionTimeout = TimeSpan.Zero });
    }
}
