using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.EndToEnd.Tests;

[Collection(AgentProcessGroup.Name)]
public sealed class ExitCodeTests : IAsyncLifetime
{
    private AgentWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await AgentWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task ProviderServerError_AfterRetries_ExitsOneWithOneLine()
    {
        _workspace.WriteOpenAIEnv(extra: "LLM_MAX_RETRIES=1");
        _workspace.Llm.Responder = _ => FakeLlmReply.Error(500, message: "upstream exploded");

        var (exitCode, agent) = await _workspace.RunAsync("hello");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        Assert.Equal(2, _workspace.Llm.Requests.Count);
        AssertOneErrorLine(agent.Stderr, "500");
        Assert.Equal(string.Empty, agent.Stdout);
    }

    [Fact]
    public async Task ProviderUnauthorized_ExitsOne_NamingTheKeyProblem()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.Llm.Enqueue(FakeLlmReply.Error(401, message: "Incorrect API key provided"));

        var (exitCode, agent) = await _workspace.RunAsync("hello");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        AssertOneErrorLine(agent.Stderr, "401");
    }

    [Fact]
    public async Task EveryServerDown_ExitsOne_NamingTheFailures()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.WriteFile("mcp.json", """{ "mcpServers": { "gone": { "command": "no-such-command-here" } } }""");

        var (exitCode, agent) = await _workspace.RunAsync("hello");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        AssertOneErrorLine(agent.Stderr, "every MCP server failed (gone; the reasons are above).");
        // The reason (with the end of the server's stderr) is shown once, on the server's own line.
        Assert.Single(agent.Stderr.Split('\n'), static l => l.Contains("gone failed: ", StringComparison.Ordinal));
        Assert.Empty(_workspace.Llm.Requests);
    }

    [Fact]
    public async Task EveryServerDown_WithJson_PrintsTheErrorObject()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.WriteFile("mcp.json", """{ "mcpServers": { "gone": { "command": "no-such-command-here" } } }""");

        var (exitCode, agent) = await _workspace.RunAsync("hello", "--json");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        using var json = System.Text.Json.JsonDocument.Parse(agent.Stdout);
        var error = json.RootElement.GetProperty("error");
        Assert.StartsWith("every MCP server failed: gone: ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, error.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task ApproveAsk_WithoutTerminal_IsRefusedAtStart()
    {
        _workspace.WriteOpenAIEnv();

        var (exitCode, agent) = await _workspace.RunAsync("hello", "--approve", "ask");
        await using var _ = agent;

        Assert.Equal(2, exitCode);
        AssertOneErrorLine(agent.Stderr, "--approve ask needs a terminal to ask on");
        Assert.Empty(_workspace.Llm.Requests);
    }

    [Fact]
    public async Task MalformedConfig_ExitsTwo_WithFileLineAndColumn()
    {
        _workspace.WriteOpenAIEnv();
        var config = _workspace.WriteFile("bad.json", "{\n  \"mcpServers\": {\n    \"disk\": { \"command\": 42 }\n  }\n}\n");

        var (exitCode, agent) = await _workspace.RunAsync("--config", "bad.json", "hello");
        await using var _ = agent;

        Assert.Equal(2, exitCode);
        AssertOneErrorLine(agent.Stderr, config + ":3:");
        Assert.Empty(_workspace.Llm.Requests);
    }

    [Fact]
    public async Task MissingApiKey_ExitsTwo_NamingVariableAndFile()
    {
        var env = _workspace.WriteFile(".env", "LLM_PROVIDER=openai\n");

        var (exitCode, agent) = await _workspace.RunAsync("hello");
        await using var _ = agent;

        Assert.Equal(2, exitCode);
        AssertOneErrorLine(agent.Stderr, "OPENAI_API_KEY");
        Assert.Contains(env, agent.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoProvider_SingleShot_ExitsTwo_WithHint()
    {
        var (exitCode, agent) = await _workspace.RunAsync("hello");
        await using var _ = agent;

        Assert.Equal(2, exitCode);
        AssertOneErrorLine(agent.Stderr, "No LLM provider is configured: set LLM_PROVIDER");
    }

    [Fact]
    public async Task UnknownOption_ExitsTwo()
    {
        var (exitCode, agent) = await _workspace.RunAsync("--frobnicate");
        await using var _ = agent;

        Assert.Equal(2, exitCode);
        AssertOneErrorLine(agent.Stderr, "Unknown option '--frobnicate'");
    }

    [Fact]
    public async Task MissingConfigFile_ExitsTwo()
    {
        var (exitCode, agent) = await _workspace.RunAsync("tools", "--config", "nope.json");
        await using var _ = agent;

        Assert.Equal(2, exitCode);
        AssertOneErrorLine(agent.Stderr, "nope.json (given with --config)");
    }

    [Fact]
    public async Task Interrupt_DuringAnswer_ExitsOneThirty()
    {
        _workspace.WriteOpenAIEnv();
        var requestArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _workspace.Llm.Responder = _ =>
        {
            requestArrived.TrySetResult();
            return FakeLlmReply.Stalled();
        };
        await using var agent = AgentProcess.Start(_workspace.Directory, ["hello"]);
        await agent.WriteInputAsync(string.Empty, close: true);

        await requestArrived.Task.WaitAsync(Testing.TestTimeouts.Default);
        await agent.SendInterruptAsync();
        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(130, exitCode);
        Assert.Contains("error: cancelled", agent.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ExitsZero_AndDocumentsExitCodes()
    {
        var (exitCode, agent) = await _workspace.RunAsync("--help");
        await using var _ = agent;

        Assert.Equal(0, exitCode);
        Assert.Contains("Exit codes:", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("--env-file", agent.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_ExitsZero()
    {
        var (exitCode, agent) = await _workspace.RunAsync("--version");
        await using var _ = agent;

        Assert.Equal(0, exitCode);
        Assert.StartsWith("0.1.0", agent.Stdout, StringComparison.Ordinal);
    }

    private static void AssertOneErrorLine(string stderr, string expected)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var error = Assert.Single(lines, static l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
