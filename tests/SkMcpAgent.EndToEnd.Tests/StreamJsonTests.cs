using System.Text.Json;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary><c>--output-format stream-json</c>: every stdout line of a real run is one JSON object a script can read.</summary>
[Collection(AgentProcessGroup.Name)]
public sealed class StreamJsonTests : IAsyncLifetime
{
    private AgentWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await AgentWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task StreamJson_WritesSessionCallsErrorsTextAndResult_OneObjectPerLine()
    {
        _workspace.WriteOpenAIEnv();
        // The disk server works; "gone" cannot start, which is reported as an error event.
        _workspace.WriteFile("mcp.json", JsonSerializer.Serialize(new
        {
            mcpServers = new Dictionary<string, object>
            {
                ["disk"] = new { command = "dotnet", args = new[] { RepoPaths.ServerDll("DiskServer") } },
                ["gone"] = new { command = "no-such-command-here" },
            },
        }));
        _workspace.ScriptToolThenEcho("disk_get_os_info", "{}");

        var (exitCode, agent) = await _workspace.RunAsync("What OS?", "--output-format", "stream-json");
        await using var _ = agent;

        Assert.True(exitCode == 0, agent.Stderr);
        var lines = agent.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(static line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        var types = lines.Select(static l => l.GetProperty("type").GetString()).ToList();

        Assert.Equal("session", types[0]);
        Assert.Equal("result", types[^1]);
        var session = lines[0];
        Assert.Equal("OpenAI", session.GetProperty("provider").GetString());
        Assert.Equal("gpt-test", session.GetProperty("model").GetString());
        Assert.Contains(session.GetProperty("functions").EnumerateArray(), static f => f.GetString() == "disk_get_os_info");
        Assert.Contains(session.GetProperty("servers").EnumerateArray(), static s => s.GetProperty("name").GetString() == "gone" && s.GetProperty("state").GetString() == "failed");

        var error = Assert.Single(lines, static l => l.GetProperty("type").GetString() == "error");
        Assert.Equal("gone", error.GetProperty("server").GetString());

        var started = Assert.Single(lines, static l => l.GetProperty("type").GetString() == "function_call_started");
        var finished = Assert.Single(lines, static l => l.GetProperty("type").GetString() == "function_call_finished");
        Assert.Equal("disk_get_os_info", started.GetProperty("function").GetString());
        Assert.Equal(started.GetProperty("callId").GetString(), finished.GetProperty("callId").GetString());
        Assert.True(finished.GetProperty("ok").GetBoolean());
        Assert.True(finished.GetProperty("durationMs").GetDouble() >= 0);
        Assert.True(types.IndexOf("function_call_started") < types.IndexOf("function_call_finished"));

        var text = string.Concat(lines.Where(static l => l.GetProperty("type").GetString() == "text").Select(static l => l.GetProperty("text").GetString()));
        var result = lines[^1];
        Assert.StartsWith("Tool said: ", text, StringComparison.Ordinal);
        Assert.Equal(text, result.GetProperty("answer").GetString());
        Assert.Equal("answered", result.GetProperty("stopReason").GetString());
        Assert.Equal(JsonValueKind.Object, result.GetProperty("usage").ValueKind);
        Assert.True(types.IndexOf("function_call_finished") < types.IndexOf("text"));
    }

    [Fact]
    public async Task StreamJson_Failure_EndsWithAnErrorLine()
    {
        _workspace.WriteOpenAIEnv();
        _workspace.WriteFile("mcp.json", """{ "mcpServers": { "gone": { "command": "no-such-command-here" } } }""");

        var (exitCode, agent) = await _workspace.RunAsync("hello", "--output-format", "stream-json");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        var lines = agent.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal("gone", lines[0].GetProperty("server").GetString());
        var last = lines[^1];
        Assert.Equal("error", last.GetProperty("type").GetString());
        Assert.Equal(1, last.GetProperty("exitCode").GetInt32());
        Assert.StartsWith("every MCP server failed: gone: ", last.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
