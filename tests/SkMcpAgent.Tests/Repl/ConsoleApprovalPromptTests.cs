using SkMcpAgent.Core.Approval;
using SkMcpAgent.Rendering;
using SkMcpAgent.Repl;
using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Repl;

public sealed class ConsoleApprovalPromptTests
{
    [Theory]
    [InlineData("y", ApprovalDecision.AllowOnce)]
    [InlineData("always", ApprovalDecision.AllowAlways)]
    [InlineData("n", ApprovalDecision.Deny)]
    [InlineData("", ApprovalDecision.Deny)]
    [InlineData(null, ApprovalDecision.Deny)]
    [InlineData("what", null)]
    public void Parse_MapsAnswers(string? answer, ApprovalDecision? expected)
    {
        Assert.Equal(expected, ConsoleApprovalPrompt.Parse(answer));
    }

    [Fact]
    public async Task AskAsync_AsksAgain_UntilAnswerIsUnderstood()
    {
        var recording = new RecordingHost("maybe\na\n");
        var terminal = new Terminal(recording.Host, noColor: true, quiet: false, verbose: false);
        var prompt = new ConsoleApprovalPrompt(terminal, new PlainLineReader(recording.Host.Input, recording.ErrorWriter));

        var decision = await prompt.AskAsync(
            new ApprovalRequest("disk_get_disk_usage", "disk", new Dictionary<string, object?> { ["path"] = "/" }),
            CancellationToken.None);

        Assert.Equal(ApprovalDecision.AllowAlways, decision);
        Assert.Contains("Allow disk_get_disk_usage(path=\"/\") (server disk)", recording.Error, StringComparison.Ordinal);
        Assert.Contains("Please answer y, a or n.", recording.Error, StringComparison.Ordinal);
    }
}
