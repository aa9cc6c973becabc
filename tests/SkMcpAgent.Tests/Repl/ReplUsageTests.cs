using Microsoft.Extensions.AI;
using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Repl;

public sealed class ReplUsageTests
{
    [Fact]
    public async Task Answer_IsFollowedByTurnAndSessionTokens_AndUsageCommandSumsThem()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        var turn = 0;
        harness.Model.OnRequest = (_, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "answer"))
        {
            Usage = new UsageDetails { InputTokenCount = 1200 * ++turn, OutputTokenCount = 30, TotalTokenCount = (1200 * turn) + 30 },
        });

        var exitCode = await harness.RunAsync("first\nsecond\n/usage\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("tokens: 1,200 in, 30 out · session 1,200 in, 30 out\n", harness.Error, StringComparison.Ordinal);
        Assert.Contains("tokens: 2,400 in, 30 out · session 3,600 in, 60 out\n", harness.Error, StringComparison.Ordinal);
        Assert.Contains("Session: 3,600 input + 60 output = 3,660 tokens over 2 turns.", harness.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_SaysUsageNotReported_WhenTheProviderReportsNone()
    {
        using var harness = new ReplHarness(withDiskServer: false);

        var exitCode = await harness.RunAsync("/usage\nfirst\n/usage\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("No questions asked yet.", harness.Output, StringComparison.Ordinal);
        Assert.Contains("tokens: usage not reported\n", harness.Error, StringComparison.Ordinal);
        Assert.Contains("Token usage not reported by the provider.", harness.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_IsNotShown_WithQuiet()
    {
        using var harness = new ReplHarness(withDiskServer: false);

        var exitCode = await harness.RunAsync("first\n", "--quiet");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("tokens:", harness.Error, StringComparison.Ordinal);
    }
}
