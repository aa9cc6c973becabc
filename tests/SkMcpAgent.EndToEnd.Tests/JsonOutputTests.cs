using System.Text.Json;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.EndToEnd.Tests;

[Collection(AgentProcessGroup.Name)]
public sealed class JsonOutputTests : IAsyncLifetime
{
    private AgentWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await AgentWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task Json_HasAnswerProviderModelToolCallsAndUsage()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.ScriptToolThenEcho("disk_get_disk_usage", "{\"path\":\"/\"}");

        var (exitCode, agent) = await _workspace.RunAsync("--json", "How full is /?");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        using var document = JsonDocument.Parse(agent.Stdout);
        var root = document.RootElement;
        Assert.StartsWith("Tool said: ", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("OpenAI", root.GetProperty("provider").GetString());
        Assert.Equal("gpt-test", root.GetProperty("model").GetString());
        var call = Assert.Single(root.GetProperty("toolCalls").EnumerateArray());
        Assert.Equal("disk_get_disk_usage", call.GetProperty("function").GetString());
        Assert.Equal("disk", call.GetProperty("server").GetString());
        Assert.Equal("/", call.GetProperty("arguments").GetProperty("path").GetString());
        Assert.True(call.GetProperty("ok").GetBoolean());
        Assert.True(call.GetProperty("durationMs").GetDouble() >= 0);
        Assert.True(root.GetProperty("usage").GetProperty("inputTokens").GetInt64() > 0);
    }

    [Fact]
    public async Task Json_OnError_PrintsErrorObjectWithExitCode()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.Llm.Enqueue(FakeLlmReply.Error(401, message: "Incorrect API key provided"));

        var (exitCode, agent) = await _workspace.RunAsync("--json", "hello");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(agent.Stdout);
        var error = document.RootElement.GetProperty("error");
        Assert.Equal(1, error.GetProperty("exitCode").GetInt32());
        Assert.Contains("401", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_ExitsZeroWithTheAnswer_AndTheFailedCallNotOk_WhenAToolFailedButTheModelAnswered()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.ScriptToolThenEcho("disk_get_largest_directories", "{\"path\":\"/definitely/not/here\"}");

        var (exitCode, agent) = await _workspace.RunAsync("--json", "What is big in /definitely/not/here?");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        using var document = JsonDocument.Parse(agent.Stdout);
        var root = document.RootElement;
        Assert.StartsWith("Tool said: ", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var call = Assert.Single(root.GetProperty("toolCalls").EnumerateArray());
        Assert.Equal("disk_get_largest_directories", call.GetProperty("function").GetString());
        Assert.False(call.GetProperty("ok").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(call.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task SingleShot_ExitsZeroWithTheAnswer_AndReportsTheFailedCallOnStderr_WhenAToolFailedButTheModelAnswered()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.ScriptToolThenEcho("disk_get_largest_directories", "{\"path\":\"/definitely/not/here\"}");

        var (exitCode, agent) = await _workspace.RunAsync("What is big in /definitely/not/here?");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.StartsWith("Tool said: ", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("✗ disk_get_largest_directories", agent.Stderr, StringComparison.Ordinal);
    }
}
