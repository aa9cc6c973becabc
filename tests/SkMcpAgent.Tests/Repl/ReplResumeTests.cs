using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Conversations;
using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Repl;

/// <summary>The conversation history in the REPL: saved after every turn, continued with /resume, --resume, --continue.</summary>
public sealed class ReplResumeTests : IDisposable
{
    private readonly ReplHarness _harness;

    public ReplResumeTests()
    {
        var folder = Path.Combine(Path.GetTempPath(), "skmcpagent-history-" + Guid.NewGuid().ToString("N")[..8]);
        _harness = new ReplHarness(withDiskServer: false) { HistoryFolder = folder };
        _harness.Model.OnRequest = static (messages, _) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "answer to: " + messages[^1].Text)));
    }

    private ConversationStore Store => new(_harness.HistoryFolder!);

    /// <summary>The conversation the model got in the last request, without the system prompt.</summary>
    private IEnumerable<string> Sent() => _harness.Model.Requests[^1].Where(static m => m.Role != ChatRole.System).Select(static m => m.Text);

    [Fact]
    public async Task Resume_ListsTheFoldersConversations_AndContinuesTheChosenOne()
    {
        Assert.Equal(0, await _harness.RunAsync("What is 2+2?\n"));

        var exitCode = await _harness.RunAsync("/resume\n/resume 1\nAnd 3+3?\n");

        Assert.Equal(0, exitCode);
        var output = _harness.Output;
        Assert.Matches(@"  1  [0-9a-f]{8}  just now +1 turn  What is 2\+2\?\n", output);
        Assert.Contains("/resume <number or id> continues one; the current conversation stays saved.", output, StringComparison.Ordinal);
        Assert.Contains("Resumed conversation ", output, StringComparison.Ordinal);
        Assert.Contains("  you: What is 2+2?\n  answer: answer to: What is 2+2?\n", output, StringComparison.Ordinal);
        Assert.Equal(["What is 2+2?", "answer to: What is 2+2?", "And 3+3?"], Sent());
        var saved = Assert.Single(Store.List().Conversations);
        Assert.Equal(("What is 2+2?", 2), (saved.Title, saved.Turns));
        Assert.Equal(ConversationStore.NormaliseFolder(_harness.Folder), saved.Folder);
    }

    [Fact]
    public async Task ResumeFlag_WithoutAnId_AsksWhichOne()
    {
        Assert.Equal(0, await _harness.RunAsync("first topic\n/clear\nsecond topic\n"));

        var exitCode = await _harness.RunAsync("2\nmore on it\n", "--resume");

        Assert.Equal(0, exitCode);
        Assert.Contains("Resume which (number or id; Enter for a new conversation)? 2\n", _harness.Output, StringComparison.Ordinal);
        Assert.Equal(["first topic", "answer to: first topic", "more on it"], Sent());
        Assert.Equal(["first topic", "second topic"], Store.List().Conversations.Select(static c => c.Title));
    }

    [Fact]
    public async Task ResumeFlag_WithAnId_AndEnterAtThePick_StartFreshOrContinue()
    {
        Assert.Equal(0, await _harness.RunAsync("remember 42\n"));
        var id = Assert.Single(Store.List().Conversations).Id;

        Assert.Equal(0, await _harness.RunAsync("\nnew one\n", "--resume"));
        Assert.Contains("Starting a new conversation.", _harness.Output, StringComparison.Ordinal);
        Assert.Equal(["new one"], Sent());

        Assert.Equal(0, await _harness.RunAsync("what did I say?\n", "--resume", id[..6].ToUpperInvariant()));
        Assert.Equal(["remember 42", "answer to: remember 42", "what did I say?"], Sent());
        Assert.Equal(2, Store.Find(id).Conversation?.Turns);
    }

    [Fact]
    public async Task Continue_WithNothingSaved_StartsANewConversationWithANote()
    {
        var exitCode = await _harness.RunAsync("hi\n", "--continue");

        Assert.Equal(0, exitCode);
        Assert.Contains($"No saved conversation in {_harness.Folder} to continue. Starting a new conversation.", _harness.Output, StringComparison.Ordinal);
        Assert.Equal(["hi"], Sent());
        Assert.Equal("hi", Assert.Single(Store.List().Conversations).Title);
    }

    [Fact]
    public async Task Resume_ExplainsBadChoices_AndShowsTitlesHarmlessly()
    {
        Assert.Equal(0, await _harness.RunAsync("evil \u001b]0;pwned\u0007 title\n"));

        var exitCode = await _harness.RunAsync("/resume 9\n/resume zz\n/resume 1\n/resume 1\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("evil \\x1b]0;pwned\\x07 title", _harness.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', _harness.Output);
        Assert.Contains("error: There is no conversation number 9 in the list.", _harness.Error, StringComparison.Ordinal);
        Assert.Contains("error: 'zz' is not a conversation id", _harness.Error, StringComparison.Ordinal);
        Assert.Matches(@"Conversation [0-9a-f]{8} is the current one\.", _harness.Output);
    }

    [Fact]
    public async Task Resume_WarnsOnceAboutAFileThatIsNotAConversation_AndListsTheOthers()
    {
        Assert.Equal(0, await _harness.RunAsync("good one\n"));
        await File.WriteAllTextAsync(Path.Combine(_harness.HistoryFolder!, "broken.json"), "{ not json");

        Assert.Equal(0, await _harness.RunAsync("/resume\n/resume\n"));

        var warning = $"! skipped a file in {_harness.HistoryFolder}: broken.json is not valid JSON";
        Assert.Equal(1, Regex.Count(_harness.Error, Regex.Escape(warning)));
        Assert.Equal(2, Regex.Count(_harness.Output, @"  1  [0-9a-f]{8}  just now +1 turn  good one\n"));
    }

    [Fact]
    public async Task SaveFailure_IsOneWarning_AndTheConversationGoesOn()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "skmcpagent-blocker-" + Guid.NewGuid().ToString("N")[..8]);
        await File.WriteAllTextAsync(blocker, "a file where the history folder's parent should be");
        try
        {
            using var harness = new ReplHarness(withDiskServer: false) { HistoryFolder = Path.Combine(blocker, "conversations") };

            Assert.Equal(0, await harness.RunAsync("one\ntwo\n"));

            Assert.Equal(2, harness.Model.Requests.Count);
            Assert.Equal(1, Regex.Count(harness.Error, Regex.Escape("! the conversation could not be saved (")));
            Assert.Contains("it goes on unsaved (--no-save or SKMCPAGENT_NO_SAVE=1 turns saving off).", harness.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task NoSave_KeepsTheConversationOutOfTheHistory()
    {
        Assert.Equal(0, await _harness.RunAsync("private question\n", "--no-save"));

        Assert.Empty(Store.List().Conversations);
        Assert.False(Directory.Exists(_harness.HistoryFolder));
    }

    [Fact]
    public async Task WithoutAHistoryFolder_NothingIsSaved_AndResumeSaysSo()
    {
        using var harness = new ReplHarness(withDiskServer: false);

        Assert.Equal(0, await harness.RunAsync("hello\n/resume\n"));

        Assert.Contains("error: This session keeps no conversation history.", harness.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _harness.Dispose();
        if (Directory.Exists(_harness.HistoryFolder))
        {
            Directory.Delete(_harness.HistoryFolder, recursive: true);
        }
    }
}
