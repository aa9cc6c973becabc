using System.Text.Json;
using SkMcpAgent.Session;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Tests.Support;

/// <summary>
/// Runs the whole app in-process in REPL mode with scripted stdin, a fake model and (optionally) the real disk
/// server, in a temp folder that is removed afterwards.
/// </summary>
public sealed class ReplHarness : IDisposable
{
    public ReplHarness(bool withDiskServer, bool withWeatherServer = false)
    {
        Directory.CreateDirectory(Folder);
        var servers = new Dictionary<string, object>();
        if (withDiskServer)
        {
            servers["disk"] = new { command = RepoPaths.ServerExecutable("DiskServer") };
        }

        if (withWeatherServer)
        {
            // Resources and prompts only: the NWS API is never reached.
            servers["weather"] = new { command = RepoPaths.ServerExecutable("WeatherServer"), env = new { NWS_BASE_URL = "http://127.0.0.1:9" } };
        }

        File.WriteAllText(ConfigPath, JsonSerializer.Serialize(new { mcpServers = servers }));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "skmcpagent-repl-" + Guid.NewGuid().ToString("N")[..8]);

    public string ConfigPath => Path.Combine(Folder, "mcp.json");

    public ScriptedChatClient Model { get; } = new();

    public RecordingHost? Recording { get; private set; }

    /// <summary>The conversation history folder (as XDG_DATA_HOME would give it); null keeps no history.</summary>
    public string? HistoryFolder { get; init; }

    /// <summary>Whether stdout is recorded as a terminal (answers shown sanitised) rather than a pipe.</summary>
    public bool OutputIsTerminal { get; init; }

    public async Task<int> RunAsync(string input, params string[] extraArgs)
    {
        Recording = new RecordingHost(input, inputRedirected: true, currentDirectory: Folder, outputIsTerminal: OutputIsTerminal);
        var setup = new SessionSetup { ChatClient = Model, ProviderName = "Fake", Model = "fake-1", BaseDirectory = Folder, ConversationFolder = HistoryFolder };
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        return await AgentApp.RunAsync(["--interactive", "--config", ConfigPath, .. extraArgs], Recording.Host, setup).WaitAsync(timeout.Token);
    }

    /// <summary>Runs the REPL as on a terminal, its line editor reading <paramref name="keys"/>.</summary>
    public async Task<int> RunWithKeysAsync(ScriptedKeys keys)
    {
        Recording = new RecordingHost(inputRedirected: false, currentDirectory: Folder, outputIsTerminal: OutputIsTerminal);
        var setup = new SessionSetup { ChatClient = Model, ProviderName = "Fake", Model = "fake-1", BaseDirectory = Folder, Keys = keys, ConversationFolder = HistoryFolder };
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        return await AgentApp.RunAsync(["--config", ConfigPath], Recording.Host, setup).WaitAsync(timeout.Token);
    }

    /// <summary>What the user asked in each request to the model, in order.</summary>
    public IReadOnlyList<string> Questions =>
        Model.Requests.Select(static r => r.Last(static m => m.Role == Microsoft.Extensions.AI.ChatRole.User).Text).ToList();

    public string Output => Recording!.Output;

    public string Error => Recording!.Error;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
