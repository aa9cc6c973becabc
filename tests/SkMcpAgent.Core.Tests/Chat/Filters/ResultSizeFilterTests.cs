using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Chat.Filters;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Chat.Filters;

public sealed class ResultSizeFilterTests
{
    [Fact]
    public async Task Result_IsCutWithANote_WhenLongerThanTheCap()
    {
        var big = FakeFunctions.Create(() => new string('x', 25_000), "big");
        var events = new RecordingEventSink();
        var inner = FakeChatClient.Scripted(Calls(Call("c1", "big")), Text("ok"));
        using var client = new FunctionInvokingChatClient(inner, events);
        client.Filters.Add(new ResultSizeFilter());

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Go")], new ChatOptions { Tools = [big] }, TestTimeouts.DefaultToken());

        var sent = inner.Requests[1].ResultFor("c1");
        Assert.StartsWith(new string('x', 20_000) + "\n[Result cut: it was 25000 characters long; only the first 20000 are shown.", sent, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 20_001), sent, StringComparison.Ordinal);
        Assert.Equal(sent, events.Events.OfType<FunctionCallFinished>().Single().ResultText);
    }

    [Fact]
    public async Task Result_IsUntouched_WhenWithinTheCap()
    {
        var small = FakeFunctions.Create(() => new string('y', 100), "small");
        var inner = FakeChatClient.Scripted(Calls(Call("c1", "small")), Text("ok"));
        using var client = new FunctionInvokingChatClient(inner);
        client.Filters.Add(new ResultSizeFilter(100));

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Go")], new ChatOptions { Tools = [small] }, TestTimeouts.DefaultToken());

        Assert.Equal(new string('y', 100), inner.Requests[1].ResultFor("c1"));
    }

    [Fact]
    public void Constructor_Throws_WhenCapIsNotPositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResultSizeFilter(0));
}
