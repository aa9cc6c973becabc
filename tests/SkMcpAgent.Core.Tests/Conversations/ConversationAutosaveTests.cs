using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Conversations;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Conversations;

public sealed class ConversationAutosaveTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    [Fact]
    public async Task Save_KeepsOneIdForTheConversation_AndSkipsWhatDidNotChange()
    {
        var autosave = new ConversationAutosave(_fixture.Store, _fixture.ProjectA);
        List<ChatMessage> messages = [];
        Assert.False(await autosave.SaveAsync(messages, "OpenAI", "gpt-test", TestTimeouts.DefaultToken()));
        Assert.Null(autosave.Current);

        messages.AddRange(StoreFixture.Exchange("first question", "first answer"));
        Assert.True(await autosave.SaveAsync(messages, "OpenAI", "gpt-test", TestTimeouts.DefaultToken()));
        var created = autosave.Current!;
        _fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(await autosave.SaveAsync(messages, "OpenAI", "gpt-test", TestTimeouts.DefaultToken()));
        messages.AddRange(StoreFixture.Exchange("second question", "second answer"));
        Assert.True(await autosave.SaveAsync(messages, "Anthropic", "claude-test", TestTimeouts.DefaultToken()));

        var saved = Assert.Single(_fixture.Store.List().Conversations);
        Assert.True(Guid.TryParseExact(saved.Id, "D", out _));
        Assert.Equal(created.Id, saved.Id);
        Assert.Equal(created.CreatedAt, saved.CreatedAt);
        Assert.Equal(created.CreatedAt + TimeSpan.FromMinutes(5), saved.UpdatedAt);
        Assert.Equal(("first question", 2, "Anthropic", "claude-test"), (saved.Title, saved.Turns, saved.Provider, saved.Model));
    }

    [Fact]
    public async Task StartNew_GivesTheNextSaveANewId_AndTheOldConversationStays()
    {
        var autosave = new ConversationAutosave(_fixture.Store, _fixture.ProjectA);
        await autosave.SaveAsync(StoreFixture.Exchange("before /clear", "a"), null, null, TestTimeouts.DefaultToken());
        var before = autosave.Current!.Id;

        autosave.StartNew();
        _fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await autosave.SaveAsync(StoreFixture.Exchange("after /clear", "b"), null, null, TestTimeouts.DefaultToken());

        Assert.NotEqual(before, autosave.Current!.Id);
        Assert.Equal(["after /clear", "before /clear"], _fixture.Store.List(_fixture.ProjectA).Conversations.Select(static c => c.Title));
    }

    [Fact]
    public async Task ContinuedConversation_IsAskedWithItsHistory_AndSavedUnderItsOwnIdAndFolder()
    {
        // The first run, in project A: one question answered with a function call.
        var first = TestAgent.Create(
            FakeChatClient.Scripted(Calls(Call("c1", "weather_get_forecast", new { city = "Paris", days = 1 })), Text("Sunny in Paris.")),
            new FakeFunctionSource(FakeFunctions.Forecast()), new ChatAgentOptions { SystemPrompt = "sys" }, new RecordingEventSink());
        await first.RunAsync("Weather in Paris?", TestTimeouts.DefaultToken());
        var firstSave = new ConversationAutosave(_fixture.Store, _fixture.ProjectA);
        await firstSave.SaveAsync(first.Conversation, "OpenAI", "gpt-test", TestTimeouts.DefaultToken());
        var original = firstSave.Current!;

        // The second run, started from project B, continues it by id.
        _fixture.Clock.Advance(TimeSpan.FromHours(2));
        var model = FakeChatClient.Scripted(Text("Rain tomorrow."));
        var second = TestAgent.Create(model, new FakeFunctionSource(FakeFunctions.Forecast()), new ChatAgentOptions { SystemPrompt = "sys" }, new RecordingEventSink());
        var found = _fixture.Store.Find(original.ShortId).Conversation!;
        await second.LoadAsync(found.FilePath, TestTimeouts.DefaultToken());
        var secondSave = new ConversationAutosave(_fixture.Store, _fixture.ProjectB);
        secondSave.Continue(found, second.Conversation);
        Assert.False(await secondSave.SaveAsync(second.Conversation, "OpenAI", "gpt-test", TestTimeouts.DefaultToken()));
        await second.RunAsync("And tomorrow?", TestTimeouts.DefaultToken());
        await secondSave.SaveAsync(second.Conversation, "OpenAI", "gpt-test", TestTimeouts.DefaultToken());

        var sent = Assert.Single(model.Requests).Messages;
        Assert.Equal(["sys", "Weather in Paris?", "", "Paris: sunny for 1 days", "Sunny in Paris.", "And tomorrow?"], sent.Select(TextOrResult));
        var saved = Assert.Single(_fixture.Store.List().Conversations);
        Assert.Equal((original.Id, _fixture.ProjectA, original.CreatedAt, 2), (saved.Id, saved.Folder, saved.CreatedAt, saved.Turns));
        Assert.Equal(_fixture.Clock.Now, saved.UpdatedAt);
    }

    [Fact]
    public async Task ResumedConversation_ThatEndedMidCall_GetsAResultForTheCall_BeforeTheNextQuestion()
    {
        var autosave = new ConversationAutosave(_fixture.Store, _fixture.ProjectA);
        List<ChatMessage> cut =
        [
            new(ChatRole.User, "Forecast?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_9", "weather_get_forecast", new Dictionary<string, object?> { ["city"] = "Oslo" })]),
        ];
        await autosave.SaveAsync(cut, "Anthropic", "claude-test", TestTimeouts.DefaultToken());
        var model = FakeChatClient.Scripted(Text("Let me try again."));
        var agent = TestAgent.Create(model, new FakeFunctionSource(FakeFunctions.Forecast()), new ChatAgentOptions(), new RecordingEventSink());

        await agent.LoadAsync(_fixture.Store.Latest(_fixture.ProjectA)!.FilePath, TestTimeouts.DefaultToken());
        await agent.RunAsync("Still there?", TestTimeouts.DefaultToken());

        var sent = Assert.Single(model.Requests).Messages;
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.User], sent.Select(static m => m.Role));
        Assert.Equal("call_9", Assert.IsType<FunctionResultContent>(Assert.Single(sent[2].Contents)).CallId);
    }

    private static string TextOrResult(ChatMessage message) =>
        message.Contents.OfType<FunctionResultContent>().FirstOrDefault()?.Result?.ToString() ?? message.Text;

    public void Dispose() => _fixture.Dispose();
}
