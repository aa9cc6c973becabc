using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SkMcpAgent.Tests.Support;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Tests.Repl;

/// <summary><c>/env FILE</c> switches the provider between questions; the conversation and the servers stay.</summary>
public sealed partial class ReplEnvTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-env-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Env_SwitchesFromOpenAIToAnthropicAndBack_AndTheNewProviderGetsTheWholeConversation()
    {
        await using var openai = await FakeLlmServer.StartAsync();
        await using var claude = await FakeLlmServer.StartAsync();
        // OpenAI-compatible servers write call ids Anthropic refuses (only letters, digits, '_' and '-' there).
        openai.Enqueue(
            FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("disk_get_os_info", "{}", Id: "call:0.os")), FakeLlmReply.Text("It is Linux, says OpenAI."), FakeLlmReply.Text("Back on OpenAI."));
        claude.Enqueue(FakeLlmReply.ToolCalls(("disk_get_os_info", "{}")), FakeLlmReply.Text("Still Linux, says Claude."));
        Write(".env.openai", $"LLM_PROVIDER=openai\nOPENAI_BASE_URL={openai.OpenAIBaseUrl}\nOPENAI_MODEL=gpt-4.1-mini\nOPENAI_API_KEY=sk-openai-secret-1\n");
        Write(".env.claude", $"LLM_PROVIDER=anthropic\nANTHROPIC_BASE_URL={claude.AnthropicBaseUrl}\nANTHROPIC_MODEL=claude-sonnet-4-5\nANTHROPIC_API_KEY=sk-ant-secret-2\n");
        var recording = new RecordingHost("Which OS is this?\n/env .env.claude\n/env\n/model\nAnd now?\n/env .env.openai\nBack?\n/exit\n", currentDirectory: _folder);

        var exitCode = await RunAsync(recording, "--env-file", ".env.openai");

        Assert.Equal(0, exitCode);
        Assert.Equal(3, openai.Requests.Count);
        Assert.Equal(2, claude.Requests.Count);
        Assert.Contains("It is Linux, says OpenAI.", recording.Output, StringComparison.Ordinal);
        Assert.Contains("Still Linux, says Claude.", recording.Output, StringComparison.Ordinal);
        Assert.Contains($"Provider: Anthropic claude-sonnet-4-5 from {Path.Combine(_folder, ".env.claude")}; the conversation is kept.", recording.Output, StringComparison.Ordinal);
        Assert.Contains($"Env file: {Path.Combine(_folder, ".env.claude")} · Anthropic claude-sonnet-4-5", recording.Output, StringComparison.Ordinal);
        Assert.Contains("Model: claude-sonnet-4-5 (Anthropic)", recording.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", recording.Output + recording.Error, StringComparison.Ordinal);

        // Claude's first request carries the OpenAI exchange: the question, the call and its result, the answer.
        var first = claude.Requests[0];
        Assert.Equal("claude-sonnet-4-5", first.Model);
        var blocks = Blocks(first);
        Assert.Contains(blocks, static b => b.Type == "text" && b.Text == "Which OS is this?");
        Assert.Contains(blocks, static b => b.Type == "text" && b.Text == "It is Linux, says OpenAI.");
        var call = Assert.Single(blocks, static b => b.Type == "tool_use");
        Assert.Matches(AnthropicId(), call.Id);
        var (resultId, result) = Assert.Single(first.ToolResults());
        Assert.Equal(call.Id, resultId);
        Assert.Contains("Linux", result, StringComparison.Ordinal);
        Assert.DoesNotContain(blocks, static b => b.Type == "text" && string.IsNullOrEmpty(b.Text));
        Assert.Equal("And now?", first.LastUserText());
        Assert.Contains("disk_get_os_info", first.ToolNames());

        // Its own call ran on the same, still connected server, and went back to Claude.
        Assert.Equal(2, claude.Requests[1].ToolResults().Count);

        // Back on OpenAI, the request holds both providers' calls, each answered under its own id.
        var back = openai.Requests[2];
        Assert.Equal("Back?", back.LastUserText());
        var calls = back.Messages.SelectMany(static m => m?["tool_calls"] as JsonArray ?? []).Select(static c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls, back.ToolResults().Select(static r => r.CallId));
        Assert.Contains(back.Messages, static m => m?["role"]?.GetValue<string>() == "assistant" && m["content"]?.ToString() == "Still Linux, says Claude.");
    }

    [Fact]
    public async Task Env_WithABadFile_KeepsTheProvider_AndSaysWhy()
    {
        await using var openai = await FakeLlmServer.StartAsync();
        openai.Responder = static _ => FakeLlmReply.Text("still OpenAI");
        Write(".env.openai", $"LLM_PROVIDER=openai\nOPENAI_BASE_URL={openai.OpenAIBaseUrl}\nOPENAI_API_KEY=sk-openai-secret-1\n");
        Write(".env.nokey", "LLM_PROVIDER=claude\nANTHROPIC_MODEL=claude-sonnet-4-5\n");
        var recording = new RecordingHost("/env missing.env\n/env .env.nokey\nhello\n/exit\n", currentDirectory: _folder);

        var exitCode = await RunAsync(recording, "--env-file", ".env.openai");

        Assert.Equal(0, exitCode);
        Assert.Contains($"Env file not found: {Path.Combine(_folder, "missing.env")} (given with /env). The provider is unchanged: OpenAI gpt-4.1-mini.", recording.Error, StringComparison.Ordinal);
        Assert.Contains("ANTHROPIC_API_KEY", recording.Error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_folder, ".env.nokey"), recording.Error, StringComparison.Ordinal);
        Assert.Contains("still OpenAI", recording.Output, StringComparison.Ordinal);
        Assert.Equal("hello", Assert.Single(openai.Requests).LastUserText());
    }

    [Fact]
    public async Task Env_WithoutAProviderAtStart_GivesTheReplAModel()
    {
        await using var claude = await FakeLlmServer.StartAsync();
        claude.Responder = static _ => FakeLlmReply.Text("hello from Claude");
        Write(".env.claude", $"LLM_PROVIDER=anthropic\nANTHROPIC_BASE_URL={claude.AnthropicBaseUrl}\nANTHROPIC_API_KEY=sk-ant-secret-2\n");
        var recording = new RecordingHost("/env\nhi\n/env .env.claude\nhi again\n/exit\n", currentDirectory: _folder);

        var exitCode = await RunAsync(recording);

        Assert.Equal(0, exitCode);
        Assert.Contains("Env file: none · no model", recording.Output, StringComparison.Ordinal);
        Assert.Contains("No LLM provider is configured", recording.Error, StringComparison.Ordinal);
        Assert.Contains("hello from Claude", recording.Output, StringComparison.Ordinal);
        Assert.Equal("hi again", Assert.Single(claude.Requests).LastUserText());
    }

    private async Task<int> RunAsync(RecordingHost recording, params string[] args)
    {
        var config = Path.Combine(_folder, "mcp.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new { mcpServers = new { disk = new { command = RepoPaths.ServerExecutable("DiskServer") } } }));
        var setup = new Session.SessionSetup { BaseDirectory = _folder, UserConfigFile = Path.Combine(_folder, "no-user-config.json") };
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        return await AgentApp.RunAsync(["--interactive", "--config", config, .. args], recording.Host, setup).WaitAsync(timeout.Token);
    }

    /// <summary>Every content block of an Anthropic request's messages (a string content counts as one text block).</summary>
    private static List<(string Type, string? Text, string Id)> Blocks(FakeLlmRequest request) =>
        request.Messages.SelectMany(static m => m!["content"] is JsonArray array
            ? array.Select(static b => (b!["type"]!.GetValue<string>(), b["text"]?.GetValue<string>(), b["id"]?.GetValue<string>() ?? string.Empty))
            : [("text", m["content"]?.GetValue<string>(), string.Empty)]).ToList();

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_folder, name), content);

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex AnthropicId();
}
