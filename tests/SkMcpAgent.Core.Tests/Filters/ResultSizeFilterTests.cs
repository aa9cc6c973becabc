using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Filters;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Filters;

public sealed class ResultSizeFilterTests
{
    [Fact]
    public async Task Result_IsCutWithANote_WhenLongerThanTheCap()
    {
        var result = await InvokeAsync(new ResultSizeFilter(), () => new string('x', 25_000));

        var text = FunctionOutcome.Text(result);
        Assert.StartsWith(new string('x', 20_000) + "\n[Result cut: it was 25000 characters long; only the first 20000 are shown.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 20_001), text, StringComparison.Ordinal);
        Assert.False(FunctionOutcome.IsError(result));
    }

    [Fact]
    public async Task Result_IsUntouched_WhenWithinTheCap()
    {
        var result = await InvokeAsync(new ResultSizeFilter(100), () => new string('y', 100));

        Assert.Equal(new string('y', 100), FunctionOutcome.Text(result));
    }

    [Fact]
    public async Task Result_KeepsSurrogatePairsWhole_WhenTheCapFallsInsideOne()
    {
        var result = await InvokeAsync(new ResultSizeFilter(4), () => "abc\U0001F600def");

        Assert.StartsWith("abc\n[Result cut: it was 8 characters long; only the first 3 are shown.", FunctionOutcome.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_StaysAnError_WhenAnMcpResultFlaggedIsErrorIsFormatted()
    {
        var toolError = JsonDocument.Parse("""{"content":[{"type":"text","text":"Unknown state 'XX'."}],"isError":true}""").RootElement.Clone();

        var result = await InvokeAsync(new ResultSizeFilter(), () => toolError);

        Assert.Equal("Unknown state 'XX'.", FunctionOutcome.Value(result));
        Assert.True(FunctionOutcome.IsError(result));
    }

    [Fact]
    public async Task Result_TheConsoleSeesTheCutText_WhenTheAgentCapsIt()
    {
        var big = FakeFunctions.Create(() => new string('x', 25_000), "big");
        var events = new RecordingEventSink();
        var inner = FakeChatClient.Scripted(Calls(Call("c1", "local_big")), Text("ok"));
        var agent = TestAgent.Create(inner, new FakeFunctionSource(big), new ChatAgentOptions(), events);

        await agent.RunAsync("Go", TestTimeouts.DefaultToken());

        var sent = inner.Requests[1].ResultFor("c1");
        Assert.StartsWith(new string('x', 20_000) + "\n[Result cut: it was 25000 characters long", sent, StringComparison.Ordinal);
        Assert.Equal(sent, events.Events.OfType<FunctionCallFinished>().Single().ResultText);
    }

    [Fact]
    public void Constructor_Throws_WhenCapIsNotPositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResultSizeFilter(0));

    private static async Task<FunctionResult> InvokeAsync<T>(ResultSizeFilter filter, Func<T> method)
    {
        var kernel = Kernel.CreateBuilder().Build();
        kernel.FunctionInvocationFilters.Add(filter);
        return await kernel.InvokeAsync(AIFunctionFactory.Create(method, "tool").AsKernelFunction(), cancellationToken: TestTimeouts.DefaultToken());
    }
}
