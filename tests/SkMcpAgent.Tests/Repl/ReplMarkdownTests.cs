using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Repl;

public sealed class ReplMarkdownTests
{
    private const string Answer = "# Title\n\nSome **bold** and `code`.\n";

    [Fact]
    public async Task Answer_IsTheModelsExactText_WhenStdoutIsNotATerminal()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        harness.Model.OnRequest = static (_, _) => Task.FromResult(new Microsoft.Extensions.AI.ChatResponse(
            new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.Assistant, Answer)));

        var exitCode = await harness.RunAsync("question\n");

        Assert.Equal(0, exitCode);
        Assert.Contains(Answer, harness.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_IsRendered_WhenStdoutIsAColourTerminal()
    {
        using var harness = new ReplHarness(withDiskServer: false) { OutputIsTerminal = true };
        harness.Model.OnRequest = static (_, _) => Task.FromResult(new Microsoft.Extensions.AI.ChatResponse(
            new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.Assistant, Answer)));

        var exitCode = await harness.RunAsync("question\n");

        Assert.Equal(0, exitCode);
        var rows = new VirtualScreen(harness.Output[harness.Output.IndexOf("> question", StringComparison.Ordinal)..]).Rows;
        Assert.Equal(["> question", "Title", string.Empty, "Some bold and code."], rows.Take(4));
    }
}
