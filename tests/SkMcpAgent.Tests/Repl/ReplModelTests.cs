using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Repl;

public sealed class ReplModelTests
{
    [Fact]
    public async Task ModelCommand_SwitchesTheModelOfLaterRequests_KeepingTheConversation()
    {
        using var harness = new ReplHarness(withDiskServer: false);

        var exitCode = await harness.RunAsync("first\n/model\n/model other-model\nsecond\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("Model: fake-1 (Fake)", harness.Output, StringComparison.Ordinal);
        Assert.Contains("Model: other-model (Fake)", harness.Output, StringComparison.Ordinal);
        Assert.Null(harness.Model.Options[0]?.ModelId);
        Assert.Equal("other-model", harness.Model.Options[1]?.ModelId);
        // The second request still carries the first question and its answer.
        Assert.Contains(harness.Model.Requests[1], static m => m.Text == "first");
    }

    [Fact]
    public async Task McpCommand_ShowsTheServers_LikeServers()
    {
        using var harness = new ReplHarness(withDiskServer: true);

        var exitCode = await harness.RunAsync("hi\n/mcp\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("disk ready, 3 functions", harness.Output[harness.Output.IndexOf("> /mcp", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }
}
