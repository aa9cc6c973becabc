using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Conversations;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// What the conversation history costs: the save after every turn (atomic and flushed to disk) against a plain write
/// of the same JSON, and a listing (header only, 200 conversations) against reading every file whole. Interleaved,
/// in a temp folder, on a 20-turn conversation with a 4,000-character tool result per turn.
/// </summary>
public sealed class ConversationHistoryBenchmark : IBenchmark
{
    private const int Turns = 20;
    private const int Conversations = 200;

    public string Name => "conversation-history";

    public string Description => "Save after a turn (atomic, fsync) vs a plain write; listing 200 conversations by header vs reading them whole";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var runs = int.TryParse(BenchmarkArgs.Option(args, "--n"), CultureInfo.InvariantCulture, out var n) ? n : 50;
        var folder = Directory.CreateTempSubdirectory("skmcpagent-history-bench-");
        try
        {
            var store = new ConversationStore(Path.Combine(folder.FullName, "conversations")) { KeepPerFolder = Conversations };
            var messages = Conversation();
            Console.WriteLine($"conversation: {Turns} turns, {messages.Count} messages; {runs} runs, interleaved");

            var autosave = new ConversationAutosave(store, folder.FullName);
            var plainPath = Path.Combine(folder.FullName, "plain.json");
            var save = new Samples("autosave (temp file, fsync, rename)");
            var plain = new Samples("plain File.Create + serialize");
            for (var i = 0; i < runs; i++)
            {
                // A new last message each time, as after a turn, so the save is not skipped as unchanged.
                List<ChatMessage> turn = [.. messages[..^1], new ChatMessage(ChatRole.Assistant, "answer " + i)];
                save.Add(await TimeAsync(() => autosave.SaveAsync(turn, "OpenAI", "gpt-test", cancellationToken)));
                plain.Add(await TimeAsync(() => WritePlainAsync(plainPath, turn, cancellationToken)));
            }

            for (var i = 1; i < Conversations; i++)
            {
                await new ConversationAutosave(store, Path.Combine(folder.FullName, "project" + (i % 4))).SaveAsync(messages, "OpenAI", "gpt-test", cancellationToken);
            }

            var headers = new Samples($"List(), {Conversations} files, header only");
            var whole = new Samples($"read {Conversations} files whole");
            for (var i = 0; i < Math.Max(5, runs / 5); i++)
            {
                headers.Add(await TimeAsync(() => Task.FromResult(Check(store.List().Conversations.Count == Conversations))));
                whole.Add(await TimeAsync(() => ReadAllAsync(store.Folder, cancellationToken)));
            }

            Console.WriteLine($"file size: {new FileInfo(autosave.Current!.FilePath).Length / 1024} KiB");
            foreach (var (samples, peer) in new[] { (save, plain), (headers, whole) })
            {
                Console.WriteLine(samples);
                Console.WriteLine(peer);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio p50: {samples.Median / peer.Median:F2}x"));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<ChatMessage> Conversation()
    {
        List<ChatMessage> messages = [];
        for (var turn = 0; turn < Turns; turn++)
        {
            var callId = "call_" + turn;
            messages.Add(new ChatMessage(ChatRole.User, $"question {turn}: how full is /data{turn}?"));
            messages.Add(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, "disk_get_disk_usage", new Dictionary<string, object?> { ["path"] = "/data" + turn })]));
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, new string('r', 4_000))]));
            messages.Add(new ChatMessage(ChatRole.Assistant, $"/data{turn} is {turn}% full."));
        }

        return messages;
    }

    private static async Task WritePlainAsync(string path, List<ChatMessage> messages, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, messages, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(List<ChatMessage>)), cancellationToken);
    }

    private static async Task ReadAllAsync(string folder, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            count += (await ConversationFile.ReadMessagesAsync(file, cancellationToken)).Count > 0 ? 1 : 0;
        }

        Check(count == Conversations);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed;
    }

    private static bool Check(bool condition) =>
        condition ? true : throw new InvalidOperationException("The benchmark's run did not do what it measures.");
}
