using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary>Every provider path of the executable answers with an MCP tool call through the kernel.</summary>
[Collection(AgentProcessGroup.Name)]
public sealed class ProviderTests : IAsyncLifetime
{
    private AgentWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await AgentWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Theory]
    [InlineData("openai", "/v1/chat/completions", FakeLlmProtocol.OpenAI)]
    [InlineData("azure", "/openai/v1/chat/completions", FakeLlmProtocol.AzureOpenAI)]
    [InlineData("azure-deployments", "/openai/deployments/gpt-deployment/chat/completions", FakeLlmProtocol.AzureOpenAI)]
    [InlineData("anthropic", "/v1/messages", FakeLlmProtocol.Anthropic)]
    public async Task SingleShot_AnswersWithAToolCall_OnEveryProvider(string provider, string path, FakeLlmProtocol protocol)
    {
        _workspace.WriteProviderEnv(provider);
        _workspace.ScriptToolThenEcho("disk_get_os_info", "{}");

        var (exitCode, agent) = await _workspace.RunAsync("--json", "What OS is this?");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        Assert.Equal(2, _workspace.Llm.Requests.Count);
        Assert.All(_workspace.Llm.Requests, r => Assert.Equal((protocol, path), (r.Protocol, r.Path)));
        var toolResult = _workspace.Llm.Requests[^1].ToolResults()[0].Content;
        Assert.StartsWith("OS:", toolResult, StringComparison.Ordinal);
        Assert.Contains($"Tool said: {AgentWorkspace.FirstLine(toolResult)}", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"function\": \"disk_get_os_info\"", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"server\": \"disk\"", agent.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-secret", agent.Stdout + agent.Stderr, StringComparison.Ordinal);
    }
}
