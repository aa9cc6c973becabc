using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Conversations;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Conversations;

public sealed class ConversationStoreTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    [Fact]
    public async Task List_ShowsTheFoldersConversations_NewestFirst_WithTheirHeader()
    {
        var first = await _fixture.SaveNewAsync(_fixture.ProjectA, "What OS is this?");
        var other = await _fixture.SaveNewAsync(_fixture.ProjectB, "Weather in Paris?");
        var second = await _fixture.SaveNewAsync(_fixture.ProjectA + Path.DirectorySeparatorChar, "How full is my disk?\nAnd /tmp?");

        var listing = _fixture.Store.List(_fixture.ProjectA);

        Assert.Equal([second.Id, first.Id], listing.Conversations.Select(static c => c.Id));
        Assert.Empty(listing.Skipped);
        var newest = listing.Conversations[0];
        Assert.Equal(("How full is my disk? And /tmp?", 1, "OpenAI", "gpt-test"), (newest.Title, newest.Turns, newest.Provider, newest.Model));
        Assert.Equal(_fixture.ProjectA, newest.Folder);
        Assert.Equal(_fixture.Clock.Now, newest.UpdatedAt);
        Assert.Equal(Path.Combine(_fixture.HistoryFolder, newest.Id + ".json"), newest.FilePath);
        Assert.Equal(newest.Id, _fixture.Store.Latest(_fixture.ProjectA)?.Id);
        Assert.Equal(other.Id, _fixture.Store.Latest(_fixture.ProjectB)?.Id);
        Assert.Equal(3, _fixture.Store.List().Conversations.Count);
    }

    [Fact]
    public void List_IsEmpty_WhenTheHistoryFolderDoesNotExistYet()
    {
        var listing = _fixture.Store.List(_fixture.ProjectA);

        Assert.Empty(listing.Conversations);
        Assert.Null(_fixture.Store.Latest(_fixture.ProjectA));
        Assert.Equal(0, _fixture.Store.Prune());
    }

    [Fact]
    public async Task Find_AcceptsAUniquePrefix_InAnyCaseAndFolder_AndExplainsTheRest()
    {
        var saved = new List<ConversationInfo>();
        for (var i = 0; i < 40; i++)
        {
            saved.Add(await _fixture.SaveNewAsync(i % 2 == 0 ? _fixture.ProjectA : _fixture.ProjectB, $"question {i}"));
        }

        var target = saved[7];
        var unique = Enumerable.Range(1, 36).Select(n => target.Id[..n]).First(p => saved.Count(c => c.Id.StartsWith(p, StringComparison.Ordinal)) == 1);
        var shared = saved.GroupBy(static c => c.Id[..1]).First(static g => g.Count() > 1);

        Assert.Equal(target.Id, _fixture.Store.Find(unique.ToUpperInvariant()).Conversation?.Id);
        Assert.Equal(target.Id, _fixture.Store.Find(" " + target.Id + " ").Conversation?.Id);
        var ambiguous = _fixture.Store.Find(shared.Key);
        Assert.Null(ambiguous.Conversation);
        Assert.Contains($"'{shared.Key}' matches {shared.Count()} conversations", ambiguous.Problem, StringComparison.Ordinal);
        Assert.Contains("give more of the id", ambiguous.Problem, StringComparison.Ordinal);
        var unknownId = saved.Any(static c => c.Id.StartsWith("ffffffff", StringComparison.Ordinal)) ? "eeeeeeee" : "ffffffff";
        Assert.Equal($"No saved conversation has an id starting with '{unknownId}'.", _fixture.Store.Find(unknownId).Problem);
        Assert.Contains("'and tomorrow?' is not a conversation id", _fixture.Store.Find("and tomorrow?").Problem, StringComparison.Ordinal);
        Assert.Equal("No conversation id given.", _fixture.Store.Find("  ").Problem);
    }

    [Fact]
    public async Task List_SkipsFilesThatAreNotConversations_WithAReasonEach()
    {
        var good = await _fixture.SaveNewAsync(_fixture.ProjectA, "keep me");
        var text = await File.ReadAllTextAsync(good.FilePath);
        _fixture.WriteFile("not-json.json", "this is not JSON");
        _fixture.WriteFile("cut.json", text[..(text.Length - 20)]);
        _fixture.WriteFile("long-header.json", "{\"format\":\"skmcpagent.conversation\",\"notes\":\"" + new string('n', 70_000) + "\",\"messages\":[]}");
        _fixture.WriteFile("array.json", "[1, 2]");
        _fixture.WriteFile("other-tool.json", """{"format":"something.else","version":1,"messages":[]}""");
        _fixture.WriteFile("plain-save.json", """{"format":"skmcpagent.conversation","version":1,"savedAt":"2026-11-30T12:00:00+00:00","messages":[]}""");
        _fixture.WriteFile("escaping-id.json", text.Replace(good.Id, "../../outside", StringComparison.Ordinal));
        _fixture.WriteFile("future.json", text.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal));
        _fixture.WriteFile("empty.json", string.Empty);
        _fixture.WriteFile("notes.txt", "not even a .json file");
        // A header longer than the first read (4 KiB) is read further.
        var longTitle = new string('t', 6_000);
        var otherId = Guid.NewGuid().ToString("D");
        _fixture.WriteFile(otherId + ".json", text.Replace(good.Id, otherId, StringComparison.Ordinal).Replace("\"keep me\",", $"\"{longTitle}\",", StringComparison.Ordinal));

        var listing = _fixture.Store.List(_fixture.ProjectA);

        Assert.Equal([good.Id, otherId], listing.Conversations.Select(static c => c.Id).Order(StringComparer.Ordinal).OrderBy(id => id != good.Id));
        Assert.Equal(longTitle, listing.Conversations.Single(c => c.Id == otherId).Title);
        Assert.Equal(
            [
                "array.json is not a JSON object",
                "cut.json is not valid JSON",
                "empty.json is not valid JSON",
                "escaping-id.json has no conversation id (a file saved with /save, not by the history)",
                "future.json has an unsupported version (this agent reads version 1)",
                "long-header.json has no \"messages\" in its first 64 KiB",
                "not-json.json is not valid JSON",
                "other-tool.json is not a saved conversation (expected \"format\": \"skmcpagent.conversation\")",
                "plain-save.json has no conversation id (a file saved with /save, not by the history)",
            ],
            listing.Skipped);
        Assert.Equal(good.Id, _fixture.Store.Find(good.Id[..8]).Conversation?.Id);
    }

    [Fact]
    public async Task List_ReadsOnlyTheHeader_OfALargeConversation()
    {
        var autosave = new ConversationAutosave(_fixture.Store, _fixture.ProjectA);
        List<ChatMessage> messages = [new(ChatRole.User, "big one"), new(ChatRole.Assistant, new string('x', 300_000))];
        await autosave.SaveAsync(messages, "OpenAI", "gpt-test", TestTimeouts.DefaultToken());
        // Damage the end of the file, far past the header: a listing never reads it (a resume would say so).
        await using (var stream = File.OpenWrite(autosave.Current!.FilePath))
        {
            stream.SetLength(stream.Length - 10);
        }

        var listed = Assert.Single(_fixture.Store.List().Conversations);

        Assert.Equal("big one", listed.Title);
        var agent = TestAgent.Create(new FakeChatClient(), new FakeFunctionSource(), new ChatAgentOptions(), new RecordingEventSink());
        var thrown = await Assert.ThrowsAsync<ConversationFileException>(() => agent.LoadAsync(listed.FilePath, TestTimeouts.DefaultToken()));
        Assert.Contains("is not valid JSON", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Save_WritesOwnerOnlyFilesInAnOwnerOnlyFolder_AndNarrowsAnExistingFolder()
    {
        Directory.CreateDirectory(_fixture.HistoryFolder);
        File.SetUnixFileMode(_fixture.HistoryFolder, (UnixFileMode)0b111_101_101);

        var saved = await _fixture.SaveNewAsync(_fixture.ProjectA, "secret tool results");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_fixture.HistoryFolder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(saved.FilePath));
    }

    [Fact]
    public async Task Save_ReplacesTheFileWhole_AndAnInterruptedSaveLeavesThePreviousVersion()
    {
        var autosave = new ConversationAutosave(_fixture.Store, _fixture.ProjectA);
        var messages = StoreFixture.Exchange("first", "one");
        await autosave.SaveAsync(messages, "OpenAI", "gpt-test", TestTimeouts.DefaultToken());
        var path = autosave.Current!.FilePath;
        var before = await File.ReadAllTextAsync(path);

        // Ctrl+C while writing: the token is cancelled when the file is flushed.
        messages.AddRange(StoreFixture.Exchange("second", "two"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => autosave.SaveAsync(messages, "OpenAI", "gpt-test", cancelled.Token));

        Assert.Equal(before, await File.ReadAllTextAsync(path));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_fixture.HistoryFolder).Select(Path.GetFileName));

        await autosave.SaveAsync(messages, "OpenAI", "gpt-test", TestTimeouts.DefaultToken());
        var listed = Assert.Single(_fixture.Store.List().Conversations);
        Assert.Equal(2, listed.Turns);
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_fixture.HistoryFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Prune_KeepsTheNewestPerFolder_DropsOldOnes_AndLeavesForeignFiles()
    {
        _fixture.Store.KeepPerFolder = 2;
        _fixture.Store.MaxAge = TimeSpan.FromDays(30);
        var ancient = await _fixture.SaveNewAsync(_fixture.ProjectB, "ancient");
        _fixture.Clock.Advance(TimeSpan.FromDays(31));
        var a1 = await _fixture.SaveNewAsync(_fixture.ProjectA, "a1");
        var a2 = await _fixture.SaveNewAsync(_fixture.ProjectA, "a2");
        var b1 = await _fixture.SaveNewAsync(_fixture.ProjectB, "b1");
        var foreign = _fixture.WriteFile("mine.json", "{ not ours }");
        var leftover = _fixture.WriteFile(".x.json.1234abcd.tmp", "half a file");
        File.SetLastWriteTimeUtc(leftover, _fixture.Clock.Now.UtcDateTime.AddDays(-2));
        var fresh = _fixture.WriteFile(".y.json.5678abcd.tmp", "being written now");
        File.SetLastWriteTimeUtc(fresh, _fixture.Clock.Now.UtcDateTime);

        // The third conversation of project A prunes on its first save: a1 goes, and the month-old one of project B.
        var a3 = await _fixture.SaveNewAsync(_fixture.ProjectA, "a3");

        Assert.Equal([a3.Id, b1.Id, a2.Id], _fixture.Store.List().Conversations.Select(static c => c.Id));
        Assert.False(File.Exists(a1.FilePath));
        Assert.False(File.Exists(ancient.FilePath));
        Assert.True(File.Exists(foreign));
        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(fresh));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void KeepPerFolder_RefusesLessThanOne(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _fixture.Store.KeepPerFolder = value);

    public void Dispose() => _fixture.Dispose();
}
