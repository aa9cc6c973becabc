using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;
using FunctionCallContent = Microsoft.Extensions.AI.FunctionCallContent;
using FunctionInvocationContext = Microsoft.SemanticKernel.FunctionInvocationContext;

namespace SkMcpAgent.Core.Tests.Agents;

/// <summary>Every failure reaches the model as a readable result; the turn goes on.</summary>
public sealed class ChatAgentFunctionFailureTests
{
    [Fact]
    public async Task Call_SaysFunctionNotFound_WhenFunctionIsUnknown()
    {
        // M.E.AI's own answer: it no longer suggests close names.
        var result = await RunOneCallAsync(Call("c1", "get_forecast"), [FakeFunctions.Forecast(), FakeFunctions.Create(() => "x", "disk_usage")]);

        Assert.Equal("Error: Requested function \"get_forecast\" not found.", result);
    }

    [Fact]
    public async Task Call_SaysFunctionNotFound_WhenNoFunctionsAreOffered()
    {
        var result = await RunOneCallAsync(Call("c1", "anything"), []);

        Assert.Equal("Error: Requested function \"anything\" not found.", result);
    }

    [Fact]
    public async Task Call_ExplainsInvalidJson_WhenProviderCouldNotParseArguments()
    {
        var invoked = new List<string>();
        var events = new RecordingEventSink();
        var call = new FunctionCallContent("c1", "weather_get_forecast") { Exception = new JsonException("'}' is invalid after a value. LineNumber: 0") };

        var result = await RunOneCallAsync(call, [FakeFunctions.Forecast(invoked)], events);

        Assert.Equal("Error: the arguments for 'weather_get_forecast' are not valid JSON ('}' is invalid after a value. LineNumber: 0). Call it again with a single JSON object as arguments.", result);
        Assert.Empty(invoked);
        Assert.False(Assert.Single(events.Events.OfType<FunctionCallFinished>()).Succeeded);
    }

    [Fact]
    public async Task Call_ExplainsInvalidJson_WhenFunctionHasNoRequiredParameters()
    {
        // Without its arguments such a call would pass the schema check and run: the parse error must stop it.
        var ran = false;
        var ping = FakeFunctions.Create(() => ran = true, "ping");
        var call = new FunctionCallContent("c1", "local_ping") { Exception = new InvalidOperationException("Error parsing function call arguments.", new JsonException("Unexpected end of data.")) };

        var result = await RunOneCallAsync(call, [ping]);

        Assert.Equal("Error: the arguments for 'local_ping' are not valid JSON (Unexpected end of data.). Call it again with a single JSON object as arguments.", result);
        Assert.False(ran);
    }

    [Fact]
    public async Task Call_ListsSchemaProblems_WhenArgumentsDoNotMatch()
    {
        var invoked = new List<string>();
        var events = new RecordingEventSink();

        var result = await RunOneCallAsync(Call("c1", "weather_get_forecast", new { days = "two" }), [FakeFunctions.Forecast(invoked)], events);

        Assert.Equal("Error: invalid arguments for 'weather_get_forecast': missing required 'city' (a string); 'days' must be an integer, got a string. Call it again with arguments that match its parameter schema.", result);
        Assert.Empty(invoked);
        Assert.Empty(events.Events.OfType<FunctionCallStarted>());
        Assert.False(Assert.Single(events.Events.OfType<FunctionCallFinished>()).Succeeded);
    }

    [Fact]
    public async Task Call_ReturnsExceptionMessageWithoutStackTrace_WhenFunctionThrows()
    {
        var failing = FakeFunctions.Create(string () => throw new InvalidOperationException("Path '/nope' does not exist.\nCheck the spelling.\n   at Disk.Scan()\n--- End of stack trace from previous location ---"), "disk_scan");
        var events = new RecordingEventSink();

        var result = await RunOneCallAsync(Call("c1", "disk_scan"), [failing], events);

        Assert.Equal("Error: function 'disk_scan' failed: Path '/nope' does not exist.\nCheck the spelling.", result);
        var finished = Assert.Single(events.Events.OfType<FunctionCallFinished>());
        Assert.False(finished.Succeeded);
        Assert.Equal(result, finished.ResultText);
    }

    [Fact]
    public async Task Call_ReportsServerCrash_WhenServerConnectionFails()
    {
        var crashed = FakeFunctions.Create(string () => throw new IOException("The MCP server 'disk' exited unexpectedly (exit code 137)."), "disk_scan");

        var result = await RunOneCallAsync(Call("c1", "disk_scan"), [crashed]);

        Assert.Equal("Error: function 'disk_scan' failed: The MCP server 'disk' exited unexpectedly (exit code 137).", result);
    }

    [Fact]
    public async Task Call_IsAFailure_WhenMcpResultIsFlaggedIsError()
    {
        var toolError = JsonDocument.Parse("""{"content":[{"type":"text","text":"Unknown state 'XX'."}],"isError":true}""").RootElement.Clone();
        var tool = FakeFunctions.Create(() => toolError, "weather_get_alerts", "weather");
        var events = new RecordingEventSink();

        var result = await RunOneCallAsync(Call("c1", "weather_get_alerts"), [tool], events);

        Assert.Equal("Unknown state 'XX'.", result);
        Assert.False(events.Events.OfType<FunctionCallFinished>().Single().Succeeded);
    }

    [Fact]
    public async Task Call_TimesOutAndTellsTheModel_WhenFunctionRunsTooLong()
    {
        // SK hands a function the turn's token; a timed-out call is cancelled through its scope, which MCP functions link to.
        var cancelled = new TaskCompletionSource<bool>();
        var slow = FakeFunctions.Create(
            FakeFunctions.HangsUntilTheCallIsCancelled(cancelled),
            "slow");
        var events = new RecordingEventSink();

        var result = await RunOneCallAsync(Call("c1", "local_slow"), [slow], events, new ChatAgentOptions { FunctionTimeout = TimeSpan.FromMilliseconds(20) });

        Assert.Equal("Error: function 'local_slow' did not finish within 0.02 s and was cancelled. Try a smaller request or another approach.", result);
        Assert.True(await cancelled.Task.WaitAsync(TestTimeouts.Default));
        Assert.False(Assert.Single(events.Events.OfType<FunctionCallFinished>()).Succeeded);
    }

    [Fact]
    public async Task Call_TimesOut_WhenFunctionIgnoresItsToken()
    {
        var never = new TaskCompletionSource<string>();
        var hung = FakeFunctions.Create(() => never.Task, "hung");

        var result = await RunOneCallAsync(Call("c1", "local_hung"), [hung], options: new ChatAgentOptions { FunctionTimeout = TimeSpan.FromMilliseconds(20) });

        Assert.StartsWith("Error: function 'local_hung' did not finish within 0.02 s", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ReportsFilterFailure_WhenAFilterThrows()
    {
        var events = new RecordingEventSink();

        // Outermost, outside the agent's failure filter: the agent's call filter must still answer the model.
        var result = await RunOneCallAsync(Call("c1", "local_ping"), [FakeFunctions.Create(() => "pong", "ping")], events, configure: agent => agent.Kernel.FunctionInvocationFilters.Insert(0, new ThrowingFilter()));

        Assert.Equal("Error: function 'local_ping' failed: filter broke", result);
        Assert.False(Assert.Single(events.Events.OfType<FunctionCallFinished>()).Succeeded);
    }

    [Fact]
    public async Task Call_ReportsFilterFailure_WhenAFilterInsideTheAgentsThrows()
    {
        var result = await RunOneCallAsync(Call("c1", "local_ping"), [FakeFunctions.Create(() => "pong", "ping")], configure: agent => agent.Kernel.FunctionInvocationFilters.Add(new ThrowingFilter()));

        Assert.Equal("Error: function 'local_ping' failed: filter broke", result);
    }

    private static async Task<string> RunOneCallAsync(
        FunctionCallContent call,
        AIFunction[] functions,
        IAgentEventSink? events = null,
        ChatAgentOptions? options = null,
        Action<ChatAgent>? configure = null)
    {
        var inner = FakeChatClient.Scripted(Calls(call), Text("I see."));
        var agent = TestAgent.Create(inner, new FakeFunctionSource(functions), options ?? new ChatAgentOptions(), events ?? new RecordingEventSink());
        configure?.Invoke(agent);

        var response = await agent.RunAsync("Go", TestTimeouts.DefaultToken());

        Assert.Equal("I see.", response.Text);
        return inner.Requests[1].ResultFor(call.CallId);
    }

    private sealed class ThrowingFilter : IFunctionInvocationFilter
    {
        public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next) =>
            throw new InvalidOperationException("filter broke");
    }
}
