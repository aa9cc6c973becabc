using System.Text.Json;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary>
/// What the agent offers servers as a client, used as a user would: roots with the filesystem server, elicitation
/// with server-everything (single-shot and the REPL's form).
/// </summary>
[Collection(AgentProcessGroup.Name)]
public sealed class ClientFeaturesTests : IAsyncLifetime
{
    private static readonly string[] s_stdio = ["stdio"];
    private AgentWorkspace _workspace = null!;
    private string _notes = null!;

    public async Task InitializeAsync()
    {
        _workspace = await AgentWorkspace.CreateAsync();
        _notes = Directory.CreateTempSubdirectory("skmcp-notes-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_notes, "note.txt"), "remember the milk");
    }

    public async Task DisposeAsync()
    {
        await _workspace.DisposeAsync();
        Directory.Delete(_notes, recursive: true);
    }

    [Fact]
    public async Task Filesystem_ServesItsConfiguredFolder_NotTheFolderTheAgentStartedIn()
    {
        WriteFilesystemConfig(roots: null);

        var (listed, allowed) = await _workspace.RunAsync("call", "fs_list_allowed_directories");
        await using var _ = allowed;
        var (read, note) = await _workspace.RunAsync("call", "fs_read_text_file", "--args", PathArgument(Path.Combine(_notes, "note.txt")));
        await using var __ = note;
        var (refused, outside) = await _workspace.RunAsync("call", "fs_read_text_file", "--args", PathArgument(_workspace.ConfigPath));
        await using var ___ = outside;

        Assert.True(listed == 0, allowed.Stderr);
        Assert.Contains(_notes, allowed.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_workspace.Directory, allowed.Stdout, StringComparison.Ordinal);
        Assert.True(read == 0, note.Stderr);
        Assert.Contains("remember the milk", note.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, refused);
        Assert.Contains("denied", outside.Stdout + outside.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Filesystem_GetsTheDeclaredRoots_WhenRootsAreConfigured()
    {
        var declared = Directory.CreateDirectory(Path.Combine(_workspace.Directory, "declared")).FullName;
        WriteFilesystemConfig(roots: "declared");

        // server-filesystem asks for the roots once it is initialized and applies the answer asynchronously (it resolves
        // each path first), so a tool call that reaches it in between still sees its command-line directories: the
        // native agent often gets there first (one run in five here, three in a row on a loaded CI machine). Each further
        // run is another chance for the roots to land first; the first run that shows them ends the loop.
        var stdout = string.Empty;
        for (var attempt = 0; attempt < 10 && !stdout.Contains(declared, StringComparison.Ordinal); attempt++)
        {
            var (exitCode, agent) = await _workspace.RunAsync("call", "fs_list_allowed_directories");
            await using var _ = agent;
            Assert.True(exitCode == 0, agent.Stderr);
            stdout = agent.Stdout;
        }

        Assert.Contains(declared, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_notes, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Elicitation_WithoutAnyoneToAnswer_IsDeclinedWithANoticeLine()
    {
        WriteEverythingConfig();

        var (exitCode, agent) = await _workspace.RunAsync("call", "everything_trigger_elicitation_request");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Contains("User declined", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("everything: asks for input: Please provide inputs for the following fields:", agent.Stderr, StringComparison.Ordinal);
        Assert.Contains("declined: nobody here to answer", agent.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Elicitation_InTheRepl_IsAFormFilledFromTheUsersAnswers()
    {
        WriteEverythingConfig();
        _workspace.WriteOpenAIEnv();
        _workspace.ScriptToolThenEcho("everything_trigger_elicitation_request", "{}");

        // A question the model answers by calling the tool; then the form: name (required), the check box, Enter for
        // every other field (defaults kept, optional ones skipped), and "y" to send.
        var answers = string.Join('\n', ["Please ask me", "Ada", "y", .. Enumerable.Repeat(string.Empty, 11), "y", "/exit"]) + "\n";
        var (exitCode, agent) = await _workspace.RunWithInputAsync(answers, "-i");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Contains("Tool said: ✅ User provided the requested information!", agent.Stdout, StringComparison.Ordinal);
        var toolResult = _workspace.Llm.Requests[^1].ToolResults()[^1].Content;
        Assert.Contains("\"name\": \"Ada\"", toolResult, StringComparison.Ordinal);
        Assert.Contains("\"check\": true", toolResult, StringComparison.Ordinal);
        Assert.Contains("\"integer\": 42", toolResult, StringComparison.Ordinal);
        Assert.DoesNotContain("\"email\"", toolResult, StringComparison.Ordinal);
    }

    private static string PathArgument(string path) => JsonSerializer.Serialize(new Dictionary<string, string> { ["path"] = path });

    private void WriteFilesystemConfig(string? roots)
    {
        var entry = new Dictionary<string, object> { ["command"] = Peers.Bin("server-filesystem"), ["args"] = new[] { _notes } };
        if (roots is not null)
        {
            entry["roots"] = new[] { roots };
        }

        File.WriteAllText(_workspace.ConfigPath, JsonSerializer.Serialize(new { mcpServers = new { fs = entry } }));
    }

    private void WriteEverythingConfig() =>
        File.WriteAllText(_workspace.ConfigPath, JsonSerializer.Serialize(new
        {
            mcpServers = new { everything = new { command = Peers.Bin("server-everything"), args = s_stdio } },
        }));
}
