using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Repl;

/// <summary>A VS Code file's <c>${input:id}</c> is asked once when the REPL starts; single-shot reads its variable.</summary>
public sealed class ReplInputsTests
{
    private const string Config = """
        {
          "inputs": [ { "type": "promptString", "id": "server-command", "description": "Command to run", "password": true } ],
          "servers": {
            "one": { "type": "stdio", "command": "${input:server-command}" },
            "two": { "type": "stdio", "command": "${input:server-command}", "args": ["again"] }
          }
        }
        """;

    [Fact]
    public async Task Repl_AsksForAnInputOnce_AndUsesTheAnswer()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        File.WriteAllText(harness.ConfigPath, Config);

        // The question waits for both servers, so /servers then shows how each ended.
        var exitCode = await harness.RunAsync("no-such-command-7f3a\nhi\n/servers\n/exit\n");

        Assert.Equal(0, exitCode);
        Assert.Equal(2, harness.Output.Split("Command to run (${input:server-command}): ").Length);
        // The typed value reached both servers: each fails naming the command it was given.
        var servers = harness.Output[harness.Output.IndexOf("> /servers", StringComparison.Ordinal)..];
        Assert.Contains("one", servers, StringComparison.Ordinal);
        Assert.Equal(2, servers.Split("\n").Count(static l => l.Contains("no-such-command-7f3a", StringComparison.Ordinal)));
        // A password is not echoed back into the transcript.
        Assert.DoesNotContain("> no-such-command-7f3a", harness.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleShot_WithoutTheInputVariable_FailsNamingIt()
    {
        var (exitCode, recording) = await AskOnceAsync(Config);

        Assert.Equal(2, exitCode);
        Assert.Contains("input 'server-command' has no value: set SKMCPAGENT_INPUT_SERVER_COMMAND", recording.Error, StringComparison.Ordinal);
    }

    // The documented variable for the input is SKMCPAGENT_INPUT_REMOTE_KEY; only a disabled server uses it.
    private const string DisabledOnlyConfig = """
        {
          "inputs": [ { "type": "promptString", "id": "remote-key", "description": "Remote key", "password": true } ],
          "servers": {
            "remote": { "type": "http", "url": "https://example.com/mcp", "headers": { "Authorization": "Bearer ${input:remote-key}" }, "disabled": true }
          }
        }
        """;

    [Fact]
    public async Task Repl_DoesNotAskForAnInput_OnlyADisabledServerUses()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        File.WriteAllText(harness.ConfigPath, DisabledOnlyConfig);

        var exitCode = await harness.RunAsync("hi\n/servers\n/exit\n");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("Remote key", harness.Output, StringComparison.Ordinal);
        // The first line typed went to the model as a question, not to an input prompt.
        Assert.Equal(["hi"], harness.Questions);
        Assert.Contains("remote disabled", harness.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleShot_DoesNotRequireTheInputVariable_OfADisabledServer()
    {
        var (exitCode, recording) = await AskOnceAsync(DisabledOnlyConfig);

        Assert.Equal(0, exitCode);
        Assert.Equal("ok", recording.Output.Trim());
        Assert.DoesNotContain("SKMCPAGENT_INPUT_REMOTE_KEY", recording.Error, StringComparison.Ordinal);
    }

    /// <summary>Asks "hello" in single-shot with <paramref name="config"/> as the server list, in a folder of its own.</summary>
    private static async Task<(int ExitCode, RecordingHost Recording)> AskOnceAsync(string config)
    {
        var folder = Directory.CreateTempSubdirectory("skmcp-inputs-").FullName;
        try
        {
            var configPath = Path.Combine(folder, "mcp.json");
            File.WriteAllText(configPath, config);
            var recording = new RecordingHost(currentDirectory: folder);
            var setup = new Session.SessionSetup { ChatClient = new ScriptedChatClient(), ProviderName = "Fake", Model = "fake-1", BaseDirectory = folder };

            return (await AgentApp.RunAsync(["--config", configPath, "hello"], recording.Host, setup), recording);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
