using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing.FakeLlm;
using SkMcpAgent.Testing.Nws;

namespace SkMcpAgent.EndToEnd.Tests;

[Collection(AgentProcessGroup.Name)]
public sealed class SingleShotTests : IAsyncLifetime
{
    private AgentWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await AgentWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task Question_AsArgument_PrintsOnlyTheAnswerOnStdout_AndTracesOnStderr()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.ScriptToolThenEcho("disk_get_os_info", "{}");

        var (exitCode, agent) = await _workspace.RunAsync("What", "OS", "is", "this?");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        var toolResult = _workspace.Llm.Requests[^1].ToolResults()[0].Content;
        Assert.StartsWith("OS:", toolResult, StringComparison.Ordinal);
        Assert.Equal($"Tool said: {AgentWorkspace.FirstLine(toolResult)}\n", agent.Stdout);
        Assert.Contains("→ disk_get_os_info()", agent.Stderr, StringComparison.Ordinal);
        Assert.Contains("✓ disk_get_os_info", agent.Stderr, StringComparison.Ordinal);
        Assert.Equal("What OS is this?", _workspace.Llm.Requests[0].LastUserText());
        Assert.DoesNotContain("\u001b[", agent.Stdout + agent.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_WithPromptOption_UsesWeatherServerAgainstFakeNws()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.WriteConfig(includeWeather: true);
        _workspace.ScriptToolThenEcho(
            "weather_get_forecast",
            $"{{\"latitude\":{FakeNwsServer.AustinLatitude},\"longitude\":{FakeNwsServer.AustinLongitude}}}");

        var (exitCode, agent) = await _workspace.RunAsync("-p", "Weather in Austin?", "--quiet");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        var toolResult = _workspace.Llm.Requests[^1].ToolResults()[0].Content;
        Assert.Equal($"Tool said: {AgentWorkspace.FirstLine(toolResult)}\n", agent.Stdout);
        Assert.Contains(_workspace.Nws.Requests, r => r.Path.Contains("/points/", StringComparison.Ordinal));
        Assert.Equal(string.Empty, agent.Stderr);
    }

    [Fact]
    public async Task Question_PipedOnStdin_IsAskedOnce()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.ScriptToolThenEcho("disk_get_disk_usage", "{\"path\":\"/\"}");

        var (exitCode, agent) = await _workspace.RunWithInputAsync("How full is my disk?\n");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Equal("How full is my disk?", _workspace.Llm.Requests[0].LastUserText());
        Assert.StartsWith("Tool said: ", agent.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, _workspace.Llm.Requests.Count);
    }

    [Fact]
    public async Task PipedText_AndQuestion_Join_ContextFirst()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.Llm.Enqueue(FakeLlmReply.Text("a summary"));

        var (exitCode, agent) = await _workspace.RunWithInputAsync("line one\nline two\n", "summarize");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Equal("line one\nline two\n\nsummarize", Assert.Single(_workspace.Llm.Requests).LastUserText());
        Assert.Equal("a summary\n", agent.Stdout);
    }

    [Fact]
    public async Task ModelOption_OverridesTheEnvFilesModel()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.Llm.Enqueue(FakeLlmReply.Text("fine"));

        var (exitCode, agent) = await _workspace.RunAsync("--model", "gpt-other", "--json", "hello");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Equal("gpt-other", Assert.Single(_workspace.Llm.Requests).Model);
        Assert.Contains("\"model\": \"gpt-other\"", agent.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_WithEnvFileAndSystemOptions_UsesThem()
    {
        _workspace.WriteOpenAIEnv(".env.other");
        _workspace.Llm.Enqueue(FakeLlmReply.Text("from the other file"));

        var (exitCode, agent) = await _workspace.RunAsync("--env-file", ".env.other", "--system", "Answer in French.", "hello");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Equal("from the other file\n", agent.Stdout);
        var request = Assert.Single(_workspace.Llm.Requests);
        Assert.Equal("gpt-test", request.Model);
        Assert.Equal("system", request.Messages[0]!["role"]!.GetValue<string>());
        Assert.Contains("Answer in French.", request.Messages[0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxRounds_StopsAModelThatKeepsCallingTools()
    {
        _workspace.WriteOpenAIEnv();
        // The model calls a tool whenever it may; SK's last request after the round limit offers no tools, so it answers.
        _workspace.Llm.Responder = request => request.Body?["tools"] is not null
            ? FakeLlmReply.ToolCalls(("disk_get_os_info", "{}"))
            : FakeLlmReply.Text("out of rounds");

        var (exitCode, agent) = await _workspace.RunAsync("--max-rounds", "2", "loop forever");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Equal("out of rounds\n", agent.Stdout);
        Assert.Equal(3, _workspace.Llm.Requests.Count);
        Assert.Equal(2, agent.Stderr.Split("→ disk_get_os_info()").Length - 1);

        // The last round's result tells the model why it has no tools now.
        var lastResult = _workspace.Llm.Requests[2].Messages[^1]!.ToJsonString();
        Assert.Contains("limit of 2 function-calling rounds", lastResult, StringComparison.Ordinal);
    }
}
