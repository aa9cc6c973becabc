using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Conversations;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Conversations;

/// <summary>A history folder of its own under a temp folder, a manual clock, and helpers to save conversations in it.</summary>
internal sealed class StoreFixture : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("skmcpagent-history-").FullName;

    public StoreFixture()
    {
        Store = new ConversationStore(HistoryFolder, Clock);
        ProjectA = Directory.CreateDirectory(Path.Combine(_root, "project-a")).FullName;
        ProjectB = Directory.CreateDirectory(Path.Combine(_root, "project-b")).FullName;
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    public string HistoryFolder => Path.Combine(_root, "data", "skmcpagent", "conversations");

    public ConversationStore Store { get; }

    public string ProjectA { get; }

    public string ProjectB { get; }

    /// <summary>Saves a one-turn conversation of <paramref name="folder"/> asking <paramref name="question"/>, a minute after the last.</summary>
    public async Task<ConversationInfo> SaveNewAsync(string folder, string question)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        var autosave = new ConversationAutosave(Store, folder);
        await autosave.SaveAsync(Exchange(question, "answer to " + question), "OpenAI", "gpt-test", TestTimeouts.DefaultToken());
        return autosave.Current!;
    }

    public static List<ChatMessage> Exchange(string question, string answer) =>
        [new ChatMessage(ChatRole.User, question), new ChatMessage(ChatRole.Assistant, answer)];

    public string WriteFile(string name, string content)
    {
        Directory.CreateDirectory(HistoryFolder);
        var path = Path.Combine(HistoryFolder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
