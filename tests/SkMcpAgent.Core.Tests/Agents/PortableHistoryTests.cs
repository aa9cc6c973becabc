using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;

namespace SkMcpAgent.Core.Tests.Agents;

public sealed class PortableHistoryTests
{
    [Fact]
    public void From_KeepsTextCallsAndResults_AndDropsWhatOnlyOneProviderReads()
    {
        var reasoning = new TextReasoningContent("thinking") { ProtectedData = "signature-only-anthropic-checks" };
        List<ChatMessage> history =
        [
            new(ChatRole.System, "be brief"),
            new(ChatRole.User, "q") { RawRepresentation = new object(), MessageId = "m1" },
            new(ChatRole.Assistant, [reasoning, new TextContent(""), new FunctionCallContent("call_1", "disk_get_os_info", new Dictionary<string, object?> { ["x"] = 1 })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "Linux")]),
            new(ChatRole.Assistant, [reasoning]),
            new(ChatRole.Assistant, [new TextContent("It is Linux."), new UsageContent(new UsageDetails { TotalTokenCount = 3 })]),
        ];

        var portable = PortableHistory.From(history);

        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], portable.Select(static m => m.Role));
        Assert.Null(portable[1].RawRepresentation);
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(portable[2].Contents));
        Assert.Equal(("call_1", "disk_get_os_info", 1), (call.CallId, call.Name, call.Arguments!["x"]));
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(portable[3].Contents));
        Assert.Equal(("call_1", "Linux"), (result.CallId, result.Result));
        Assert.Equal("It is Linux.", Assert.IsType<TextContent>(Assert.Single(portable[4].Contents)).Text);
    }

    [Theory]
    [InlineData("call:0.os")]
    [InlineData("chatcmpl-tool-0123456789abcdef0123456789abcdef")]
    [InlineData("")]
    public void From_RewritesCallIdsAProviderWouldRefuse_TheSameForCallAndResult(string callId)
    {
        List<ChatMessage> history =
        [
            new(ChatRole.Assistant, [new FunctionCallContent(callId, "f")]),
            new(ChatRole.Tool, [new FunctionResultContent(callId, "r")]),
        ];

        var portable = PortableHistory.From(history);

        var newId = portable[0].Contents.OfType<FunctionCallContent>().Single().CallId;
        Assert.Matches("^[A-Za-z0-9_-]{1,40}$", newId);
        Assert.Equal(newId, portable[1].Contents.OfType<FunctionResultContent>().Single().CallId);
    }

    [Theory]
    [InlineData("call_abc123")]
    [InlineData("toolu_01A09q90qw90lq917835lq9")]
    public void CallId_KeepsIdsBothFamiliesAccept(string callId) => Assert.Equal(callId, PortableHistory.CallId(callId));

    [Fact]
    public void CallId_GivesDifferentIdsToDifferentCalls()
    {
        Assert.NotEqual(PortableHistory.CallId("call:1"), PortableHistory.CallId("call:2"));
    }
}
