using System.Text.Json;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary>The conversation history across processes: each run saves, a later run continues.</summary>
[Collection(AgentProcessGroup.Name)]
public sealed class ResumeTests : IAsyncLifetime
{
    private AgentWorkspace _workspace = null!;

    private string HistoryFolder => Path.Combine(AgentProcess.DataHome(_workspace.Directory), "skmcpagent", "conversations");

    public async Task InitializeAsync()
    {
        _workspace = await AgentWorkspace.CreateAsync();
        _workspace.WriteOpenAIEnv();
        // No servers: these runs are about the conversation, and every server is a process start on a busy machine.
        _workspace.WriteFile("mcp.json", """{ "mcpServers": {} }""");
        _workspace.Llm.Responder = static request => FakeLlmReply.Text("Answer to: " + request.LastUserText());
    }

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Continue_InASecondProcess_SendsTheFirstProcessesQuestionAndAnswer()
    {
        var (first, firstRun) = await _workspace.RunAsync("Weather in Austin?");
        await using var _ = firstRun;
        Assert.True(first == 0, firstRun.Stderr);

        var (second, secondRun) = await _workspace.RunAsync("--continue", "and tomorrow?");
        await using var __ = secondRun;

        Assert.True(second == 0, secondRun.Stderr);
        Assert.Equal("Answer to: and tomorrow?\n", secondRun.Stdout);
        Assert.Equal(
            [("user", "Weather in Austin?"), ("assistant", "Answer to: Weather in Austin?"), ("user", "and tomorrow?")],
            _workspace.Llm.Requests[^1].MessageTexts().Where(static m => m.Role != "system"));
        Assert.Matches(@"Resumed conversation [0-9a-f]{8}: Weather in Austin\? \(1 turn, just now\)", secondRun.Stderr);
        var file = Assert.Single(Directory.GetFiles(HistoryFolder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(HistoryFolder));
        Assert.Contains("\"turns\": 2", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_WithAnIdPrefix_ContinuesThatConversation_NotTheNewest()
    {
        await RunOkAsync("first topic");
        var firstId = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(HistoryFolder)));
        await RunOkAsync("second topic");

        var output = await RunOkAsync("--resume", firstId[..8], "more on it?");

        Assert.Equal("Answer to: more on it?\n", output);
        var sent = _workspace.Llm.Requests[^1].MessageTexts().Select(static m => m.Text).ToList();
        Assert.Contains("first topic", sent);
        Assert.DoesNotContain("second topic", sent);
        Assert.Equal(2, Directory.GetFiles(HistoryFolder).Length);
    }

    [Fact]
    public async Task Json_NamesTheSavedConversation_WhichResumeContinues()
    {
        var first = JsonDocument.Parse(await RunOkAsync("--json", "first topic"));
        var id = first.RootElement.GetProperty("conversationId").GetString()!;
        Assert.Equal(id + ".json", Path.GetFileName(Assert.Single(Directory.GetFiles(HistoryFolder))));

        var stream = await RunOkAsync("--output-format", "stream-json", "--resume", id, "more on it?");

        var result = JsonDocument.Parse(stream.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.Equal(id, result.GetProperty("conversationId").GetString());
        Assert.Contains("first topic", _workspace.Llm.Requests[^1].MessageTexts().Select(static m => m.Text));
        var unsaved = JsonDocument.Parse(await RunOkAsync("--json", "--no-save", "private"));
        Assert.Equal(JsonValueKind.Null, unsaved.RootElement.GetProperty("conversationId").ValueKind);
    }

    [Fact]
    public async Task ResumeWithoutAnId_InSingleShot_ListsTheConversations_AndExits2()
    {
        await RunOkAsync("What OS is this?");
        var requests = _workspace.Llm.Requests.Count;

        var (exitCode, agent) = await _workspace.RunAsync("--resume");
        await using var _ = agent;

        Assert.Equal(2, exitCode);
        Assert.Matches(@"^  1  [0-9a-f]{8}  just now +1 turn  What OS is this\?\n$", agent.Stdout);
        Assert.Contains(
            "error: --resume without an id lists the conversations to pick from in the REPL, and this run cannot ask; give an id from the list: --resume <id> \"question\"",
            agent.Stderr, StringComparison.Ordinal);
        Assert.Equal(requests, _workspace.Llm.Requests.Count);
    }

    [Fact]
    public async Task Continue_WithNothingSaved_Exits2_BeforeAskingTheModel()
    {
        var (exitCode, agent) = await _workspace.RunAsync("--continue", "and tomorrow?");
        await using var _ = agent;

        Assert.Equal(2, exitCode);
        Assert.Equal($"error: No saved conversation in {_workspace.Directory} to continue.\n", agent.Stderr);
        Assert.Empty(_workspace.Llm.Requests);

        var (badId, badRun) = await _workspace.RunAsync("--resume", "and tomorrow?");
        await using var __ = badRun;
        Assert.Equal(2, badId);
        Assert.Contains("'and tomorrow?' is not a conversation id", badRun.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_PicksFromTheList_AndKeepsSavingToTheSameConversation()
    {
        await RunOkAsync("remember the number 42");

        var (exitCode, agent) = await AgentProcess.RunAsync(_workspace.Directory, ["--interactive", "--resume"], "1\nwhich number?\n");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Contains("Resume which (number or id; Enter for a new conversation)? 1\n", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("  you: remember the number 42\n", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("remember the number 42", _workspace.Llm.Requests[^1].MessageTexts().Select(static m => m.Text));
        var file = Assert.Single(Directory.GetFiles(HistoryFolder));
        Assert.Contains("\"turns\": 2", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSave_AndItsVariable_WriteNothing()
    {
        await RunOkAsync("--no-save", "private one");
        var (exitCode, agent) = await AgentProcess.RunAsync(
            _workspace.Directory, ["private two"], environment: new Dictionary<string, string> { ["SKMCPAGENT_NO_SAVE"] = "1" });
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.False(Directory.Exists(HistoryFolder));
    }

    [Fact]
    public async Task Continue_WithAnotherProvider_SendsTheEarlierFunctionCallAndItsResult()
    {
        _workspace.WriteConfig(includeWeather: false);
        _workspace.ScriptToolThenEcho("disk_get_os_info", "{}");
        await RunOkAsync("What OS is this?");
        var openAiCall = _workspace.Llm.Requests[^1].ToolResults()[0];
        var anthropicEnv = _workspace.WriteProviderEnv("anthropic", ".env.anthropic");
        _workspace.Llm.Responder = static _ => FakeLlmReply.Text("Still Linux.");

        var output = await RunOkAsync("--env-file", anthropicEnv, "--continue", "Still?");

        Assert.Equal("Still Linux.\n", output);
        var request = _workspace.Llm.Requests[^1];
        Assert.Equal(FakeLlmProtocol.Anthropic, request.Protocol);
        var result = Assert.Single(request.ToolResults());
        Assert.Equal(openAiCall, result);
        Assert.Equal("Still?", request.LastUserText());
    }

    private async Task<string> RunOkAsync(params string[] args)
    {
        var (exitCode, agent) = await _workspace.RunAsync(args);
        await using var _ = agent;
        Assert.True(exitCode == 0, agent.Stderr);
        return agent.Stdout;
    }
}
