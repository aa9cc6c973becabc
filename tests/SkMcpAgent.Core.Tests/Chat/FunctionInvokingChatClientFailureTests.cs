using System.Text.Json;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Chat.Filters;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Chat;

/// <summary>Every failure reaches the model as a readable result; the turn goes on.</summary>
public sealed class FunctionInvokingChatClientFailureTests
{
    private static readonly ChatMessage[] s_question = [new(ChatRole.User, "Go")];

    [Fact]
    public async Task Call_ReturnsCloseNames_WhenFunctionIsUnknown()
    {
        var result = await RunOneCallAsync(Call("c1", "get_forecast"), FakeFunctions.Forecast(), FakeFunctions.Create(() => "x", "disk_usage"));

        Assert.Equal("Error: there is no function named 'get_forecast'. Did you mean: weather_get_forecast?", result);
    }

    [Fact]
    public async Task Call_SaysNoFunctionsAvailable_WhenNoneAreOffered()
    {
        var result = await RunOneCallAsync(Call("c1", "anything"));

        Assert.Contains("no functions are available right now", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ExplainsInvalidJson_WhenProviderCouldNotParseArguments()
    {
        var invoked = new List<string>();
        var call = new FunctionCallContent("c1", "weather_get_forecast") { Exception = new JsonException("'}' is invalid after a value. LineNumber: 0") };

        var result = await RunOneCallAsync(call, FakeFunctions.Forecast(invoked));

        Assert.Equal("Error: the arguments for 'weather_get_forecast' are not valid JSON ('}' is invalid after a value. LineNumber: 0). Call it again with a single JSON object as arguments.", result);
        Assert.Empty(invoked);
    }

    [Fact]
    public async Task Call_ListsSchemaProblems_WhenArgumentsDoNotMatch()
    {
        var invoked = new List<string>();

        var result = await RunOneCallAsync(Call("c1", "weather_get_forecast", new { days = "two" }), FakeFunctions.Forecast(invoked));

        Assert.Equal("Error: invalid arguments for 'weather_get_forecast': missing required 'city' (a string); 'days' must be an integer, got a string. Call it again with arguments that match its parameter schema.", result);
        Assert.Empty(invoked);
    }

    [Fact]
    public async Task Call_ReturnsExceptionMessageWithoutStackTrace_WhenFunctionThrows()
    {
        var failing = FakeFunctions.Create(string () => throw new InvalidOperationException("Path '/nope' does not exist.\nCheck the spelling.\n   at Disk.Scan()\n--- End of stack trace from previous location ---"), "disk_scan");
        var events = new RecordingEventSink();

        var result = await RunOneCallAsync(Call("c1", "disk_scan"), [failing], events);

        Assert.Equal("Error: function 'disk_scan' failed: Path '/nope' does not exist.\nCheck the spelling.", result);
        Assert.False(events.Events.OfType<FunctionCallFinished>().Single().Succeeded);
    }

    [Fact]
    public async Task Call_ReportsServerCrash_WhenServerConnectionFails()
    {
        var crashed = FakeFunctions.Create(string () => throw new IOException("The MCP server 'disk' exited unexpectedly (exit code 137)."), "disk_scan");

        var result = await RunOneCallAsync(Call("c1", "disk_scan"), crashed);

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
        var started = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource<bool>();
        var slow = FakeFunctions.WaitsForCancellation("slow", started, cancelled);

        var result = await RunOneCallAsync(Call("c1", "slow"), [slow], filters: [new FunctionTimeoutFilter(TimeSpan.FromMilliseconds(20))]);

        Assert.Equal("Error: function 'slow' did not finish within 0.02 s and was cancelled. Try a smaller request or another approach.", result);
        Assert.True(await cancelled.Task.WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task Call_TimesOut_WhenFunctionIgnoresItsToken()
    {
        var never = new TaskCompletionSource<string>();
        var hung = FakeFunctions.Create(() => never.Task, "hung");

        var result = await RunOneCallAsync(Call("c1", "hung"), [hung], filters: [new FunctionTimeoutFilter(TimeSpan.FromMilliseconds(20))]);

        Assert.StartsWith("Error: function 'hung' did not finish within 0.02 s", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ReportsFilterFailure_WhenAFilterThrows()
    {
        var result = await RunOneCallAsync(Call("c1", "ping"), [FakeFunctions.Create(() => "pong", "ping")], filters: [new ThrowingFilter()]);

        Assert.Equal("Error: function 'ping' failed: filter broke", result);
    }

    private static Task<string> RunOneCallAsync(FunctionCallContent call, params AIFunction[] functions) =>
        RunOneCallAsync(call, functions, null);

    private static async Task<string> RunOneCallAsync(
        FunctionCallContent call,
        AIFunction[] functions,
        IAgentEventSink? events = null,
        IFunctionInvocationFilter[]? filters = null)
    {
        var inner = FakeChatClient.Scripted(Calls(call), Text("I see."));
        using var client = new FunctionInvokingChatClient(inner, events);
        foreach (var filter in filters ?? [])
        {
            client.Filters.Add(filter);
        }

        var response = await client.GetResponseAsync(s_question, new ChatOptions { Tools = [.. functions] }, TestTimeouts.DefaultToken());

        Assert.Equal("I see.", response.Text);
        return inner.Requests[1].ResultFor(call.CallId);
    }

    private sealed class ThrowingFilter : IFunctionInvocationFilter
    {
        public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next) =>
            throw new InvalidOperationException("filter broke");
    }
}
