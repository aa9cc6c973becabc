using Microsoft.Extensions.AI;
using SkMcpAgent.Testing;
using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Repl;

public sealed class ReplSessionTests
{
    [Fact]
    public async Task Repl_AnswersWithToolCall_AndShowsTheCall()
    {
        using var harness = new ReplHarness(withDiskServer: true);
        harness.Model.OnRequest = ScriptedChatClient.CallThenEcho("disk_get_os_info");

        var exitCode = await harness.RunAsync("What OS is this?\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("SkMcpAgent 0.1.0 · Fake fake-1", harness.Output, StringComparison.Ordinal);
        Assert.Contains("> What OS is this?\nResult was: OS: ", harness.Output, StringComparison.Ordinal);
        Assert.Contains("→ disk_get_os_info()", harness.Error, StringComparison.Ordinal);
        Assert.Contains("✓ disk_get_os_info", harness.Error, StringComparison.Ordinal);
        Assert.Contains(harness.Model.Requests[^1], static m => m.Contents.OfType<FunctionResultContent>().Any());
    }

    [Fact]
    public async Task Repl_RunsServerCommands()
    {
        using var harness = new ReplHarness(withDiskServer: true);
        harness.Model.OnRequest = ScriptedChatClient.CallThenEcho("disk_get_os_info");

        // The question first: it waits for the server, so the commands after it see it ready.
        var exitCode = await harness.RunAsync(
            "hi\n/tools\n/tools disk\n/tools nope\n/servers\n/reconnect disk\n/resources\n/prompts\n/prompt nope\n/prompt\n/bogus\n/help\n/exit\nnot reached\n");

        Assert.Equal(0, exitCode);
        var output = harness.Output;
        Assert.Contains("disk ready, 3 functions", output, StringComparison.Ordinal);
        Assert.Contains("  disk_get_disk_usage  ", output, StringComparison.Ordinal);
        Assert.Contains("path (string|null, optional)", output, StringComparison.Ordinal);
        Assert.Contains($"(stdio: {RepoPaths.ServerExecutable("DiskServer")}", output, StringComparison.Ordinal);
        Assert.Contains("Reconnecting disk…", output, StringComparison.Ordinal);
        Assert.Contains("No resources.", output, StringComparison.Ordinal);
        Assert.Contains("No prompts.", output, StringComparison.Ordinal);
        Assert.Contains("/save <file>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("> not reached", output, StringComparison.Ordinal);
        var error = harness.Error;
        Assert.Contains("error: No MCP server named 'nope'. Known: disk.", error, StringComparison.Ordinal);
        Assert.Contains("error: No ready server offers a prompt named 'nope'. /prompts lists them.", error, StringComparison.Ordinal);
        Assert.Contains("error: Usage: /prompt <name> [arg=value ...]", error, StringComparison.Ordinal);
        Assert.Contains("error: Unknown command '/bogus'. Type /help for the list.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_ResourcesAndPrompts_OfTheWeatherServer()
    {
        using var harness = new ReplHarness(withDiskServer: false, withWeatherServer: true);
        harness.Model.OnRequest = (messages, _) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "briefing done")));

        var exitCode = await harness.RunAsync(
            "/reconnect\n/resources\n/resources weather weather://states\n/prompts\n/prompt weather_briefing place=\"Austin, TX\"\n/prompt weather_briefing Austin\n");

        Assert.Equal(0, exitCode);
        var output = harness.Output;
        Assert.Contains("weather weather://states us_states", output, StringComparison.Ordinal);
        Assert.Contains("TX Texas", output, StringComparison.Ordinal);
        Assert.Contains("weather_briefing(place) weather:", output, StringComparison.Ordinal);
        Assert.Contains("briefing done", output, StringComparison.Ordinal);
        var question = Assert.Single(harness.Model.Requests)[^1];
        Assert.Equal(ChatRole.User, question.Role);
        Assert.StartsWith("Give me a short weather briefing for Austin, TX.", question.Text, StringComparison.Ordinal);
        Assert.Contains("error: Prompt arguments are name=value; not understood: Austin", harness.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_ConversationCommands_ClearApproveAndLast()
    {
        using var harness = new ReplHarness(withDiskServer: true);
        harness.Model.OnRequest = ScriptedChatClient.CallThenEcho("disk_get_os_info");

        var exitCode = await harness.RunAsync("hi\n/last\n/approve deny\n/approve\n/approve sometimes\n/clear\n/last\n");

        Assert.Equal(0, exitCode);
        var output = harness.Output;
        Assert.Contains("disk_get_os_info (disk) ok", output, StringComparison.Ordinal);
        Assert.Contains("Architecture:", output, StringComparison.Ordinal);
        Assert.Contains("Approval: deny", output, StringComparison.Ordinal);
        Assert.Contains("Conversation cleared.", output, StringComparison.Ordinal);
        Assert.Contains("The last answer called no functions.", output, StringComparison.Ordinal);
        Assert.Contains("error: Unknown approval mode 'sometimes': use auto, ask or deny.", harness.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_CtrlC_CancelsTheTurn_AndKeepsTheSession()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        var calls = 0;
        harness.Model.OnRequest = async (messages, cancellationToken) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // The user presses Ctrl+C while the model is thinking.
                Assert.True(harness.Recording!.Host.Interrupts.Raise());
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return new ChatResponse(new ChatMessage(ChatRole.Assistant, $"second answer after {messages.Count} messages"));
        };

        var exitCode = await harness.RunAsync("first\nsecond\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("(cancelled)", harness.Error, StringComparison.Ordinal);
        Assert.Contains("second answer after", harness.Output, StringComparison.Ordinal);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Repl_SaveThenLoad_RestoresTheConversation()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        harness.Model.OnRequest = (messages, _) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"seen {messages.Count(static m => m.Role == ChatRole.User)} questions")));

        var exitCode = await harness.RunAsync("one\n/save chat.json\n/clear\n/load chat.json\ntwo\n/load missing.json\n/save\n");

        Assert.Equal(0, exitCode);
        var saved = Path.Combine(harness.Folder, "chat.json");
        Assert.True(File.Exists(saved));
        Assert.Contains($"Saved 2 messages to {saved}.", harness.Output, StringComparison.Ordinal);
        Assert.Contains($"Loaded 2 messages from {saved}.", harness.Output, StringComparison.Ordinal);
        Assert.Contains("seen 2 questions", harness.Output, StringComparison.Ordinal);
        Assert.Contains("missing.json", harness.Error, StringComparison.Ordinal);
        Assert.Contains("error: Usage: /save <file>", harness.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_JoinsLines_EndingWithBackslash()
    {
        using var harness = new ReplHarness(withDiskServer: false);

        await harness.RunAsync("first line\\\nsecond line\n");

        var question = harness.Model.Requests[0][^1].Text;
        Assert.Equal("first line\nsecond line", question);
        Assert.Contains("… second line", harness.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_AskApproval_DeniedCallIsNotRun()
    {
        using var harness = new ReplHarness(withDiskServer: true);
        harness.Model.OnRequest = ScriptedChatClient.CallThenEcho("disk_get_os_info");

        var exitCode = await harness.RunAsync("What OS?\nn\n", "--approve", "ask");

        Assert.Equal(0, exitCode);
        Assert.Contains("Allow disk_get_os_info() (server disk)", harness.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Architecture:", harness.Output, StringComparison.Ordinal);
        Assert.Contains("Result was: ", harness.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_EndsWithZero_AtEndOfInput_WithoutServers()
    {
        using var harness = new ReplHarness(withDiskServer: false);

        var exitCode = await harness.RunAsync(string.Empty);

        Assert.Equal(0, exitCode);
        Assert.Contains("no MCP servers configured", harness.Output, StringComparison.Ordinal);
    }
}
