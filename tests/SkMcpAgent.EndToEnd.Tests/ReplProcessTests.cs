using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing;

namespace SkMcpAgent.EndToEnd.Tests;

[Collection(AgentProcessGroup.Name)]
public sealed class ReplProcessTests : IAsyncLifetime
{
    private AgentWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await AgentWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task Repl_WithPipedInput_AnswersWithToolAndRunsCommands()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.ScriptToolThenEcho("disk_get_os_info", "{}");

        var (exitCode, agent) = await _workspace.RunWithInputAsync("/tools disk\nWhat OS?\n/last\n/exit\n", "--interactive");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Contains("SkMcpAgent 0.1.0 · OpenAI gpt-test", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("> What OS?\n", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("Tool said: OS:", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("disk_get_os_info (disk) ok", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("→ disk_get_os_info()", agent.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_WithoutProvider_StartsWithHint_AndEndsAtEndOfInput()
    {
        var (exitCode, agent) = await _workspace.RunWithInputAsync("hello\n/servers\n", "--interactive");
        await using var _ = agent;

        Assert.Equal(0, exitCode);
        Assert.Contains("No LLM provider is configured: set LLM_PROVIDER", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("error: No LLM provider is configured", agent.Stderr, StringComparison.Ordinal);
        Assert.Contains("disk", agent.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_WithHalfFilledEnvFile_StartsAndSaysWhichVariableToSet()
    {
        // .env.example copied to .env without filling in the key: the REPL starts and the servers work.
        var env = _workspace.WriteFile(".env", "LLM_PROVIDER=openai\nOPENAI_API_KEY=\n");

        var (exitCode, agent) = await _workspace.RunWithInputAsync("hello\n/servers\n", "--interactive");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Contains($"OPENAI_API_KEY is not set: OpenAI needs it", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains(env, agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("error: OPENAI_API_KEY is not set", agent.Stderr, StringComparison.Ordinal);
        Assert.Contains("disk", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains($"(stdio: {RepoPaths.ServerExecutable("DiskServer")}", agent.Stdout, StringComparison.Ordinal);
    }
}
