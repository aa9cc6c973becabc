using SkMcpAgent.Core.Tests.Fakes;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp;

[Collection(StdioHubDefinition.Name)]
public sealed partial class McpServerHubStdioTests(StdioHubFixture fixture)
{
    [Fact]
    public void WaitForAll_LeavesOtherServersReady_WhenARemoteServerIsDown()
    {
        Assert.Equal(ServerState.Ready, fixture.Server("everything").State);
        Assert.Equal(ServerState.Ready, fixture.Server("second").State);
        Assert.Equal("2025-11-25", fixture.Server("everything").ProtocolVersion);
        Assert.Equal(ServerState.Disabled, fixture.Server("off").State);
        var dead = fixture.Server("dead-remote");
        Assert.Equal(ServerState.Failed, dead.State);
        Assert.False(string.IsNullOrWhiteSpace(dead.FailureReason));
        Assert.Contains(fixture.Events.Events.OfType<ServerStateChanged>(), e => e.ServerName == "dead-remote" && e.State == ServerState.Failed && e.Detail == dead.FailureReason);
    }

    [Fact]
    public void GetFunctions_PrefixesToolsWithTheirServer_WhenTwoServersShareToolNames()
    {
        var functions = fixture.Hub.GetFunctions();

        var echo = Assert.Single(functions, f => f.Name == "everything_echo");
        Assert.Single(functions, f => f.Name == "second_echo");
        Assert.Equal("everything", echo.GetServerName());
        Assert.Equal("echo", echo.GetToolName());
        Assert.Contains("message", echo.JsonSchema.GetRawText(), StringComparison.Ordinal);
        Assert.All(functions, f => Assert.Matches(ValidName(), f.Name));
        Assert.Equal(functions.Count, functions.Select(f => f.Name).Distinct().Count());
        Assert.Contains(functions, f => f.Name == "everything_get_tiny_image");
        Assert.DoesNotContain(functions, f => f.Name == "second_get_tiny_image");
        Assert.DoesNotContain(functions, f => f.GetServerName() is "dead-remote" or "off");
    }

    [Fact]
    public async Task Invoke_ReturnsTheToolsText_ForEchoAndGetSum()
    {
        Assert.Equal("Echo: hello", await InvokeAsync("everything_echo", new() { ["message"] = "hello" }));
        Assert.Contains("5", await InvokeAsync("everything_get_sum", new() { ["a"] = 2, ["b"] = 3 }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ThrowsMcpToolError_WhenTheToolReportsIsError()
    {
        var error = await Assert.ThrowsAsync<McpToolErrorException>(() => InvokeAsync("everything_get_sum", new() { ["a"] = "not a number" }));

        Assert.Equal("everything", error.ServerName);
        Assert.Equal("get-sum", error.ToolName);
        Assert.Contains("a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_TimesOut_WhenTheCallExceedsToolTimeout()
    {
        var error = await Assert.ThrowsAsync<McpToolErrorException>(
            () => InvokeAsync("second_trigger_long_running_operation", new() { ["duration"] = 20, ["steps"] = 2 }));

        Assert.Contains("timed out after 0.5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_PublishesProgressForTheCurrentCall_WhenTheServerReportsProgress()
    {
        var sink = new RecordingEventSink();
        string result;
        using (FunctionCallScope.Enter("call-7", "everything_trigger_long_running_operation", "everything", sink))
        {
            result = await InvokeAsync("everything_trigger_long_running_operation", new() { ["duration"] = 0.3, ["steps"] = 3 });
        }

        // The SDK drops a notification that is handled after the result arrived, and the server sends the last
        // one right before its result: steps 1 and 2 always arrive, step 3 only sometimes.
        await sink.WaitForAsync<FunctionCallProgressed>(p => p.Progress == 2);
        Assert.Contains("completed", result, StringComparison.Ordinal);
        var progress = sink.Events.OfType<FunctionCallProgressed>().ToList();
        Assert.Equal([1d, 2d], progress.Select(p => p.Progress).Take(2));
        Assert.All(progress, p => Assert.Equal(("call-7", "everything_trigger_long_running_operation", (double?)3), (p.CallId, p.FunctionName, p.Total)));
    }

    [Fact]
    public async Task StdioChild_SeesOnlyDefaultsAndItsConfiguredEnv_NotTheAgentsSecrets()
    {
        var environment = await InvokeAsync("everything_get_env", []);

        Assert.Contains("config-value", environment, StringComparison.Ordinal);
        Assert.Contains("\"PATH\"", environment, StringComparison.Ordinal);
        Assert.DoesNotContain(StdioHubFixture.LeakProbeVariable, environment, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-must-stay-in-the-agent", environment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roots_AdvertiseTheConfiguredRootAsFileUri()
    {
        var roots = await InvokeAsync("everything_get_roots_list", []);

        Assert.Contains(new Uri(fixture.RootDirectory).AbsoluteUri.TrimEnd('/'), roots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResourceFunctions_ListAndReadTheServersResources()
    {
        var listing = await InvokeAsync("everything_list_resources", []);
        var uri = UriInListing().Match(listing).Value;

        var contents = await InvokeAsync("everything_read_resource", new() { ["uri"] = uri });

        Assert.StartsWith("demo://resource/static/document/", uri, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(contents));
        Assert.Contains("dynamic/text/{resourceId}", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_AreListedAndFetchedWithArguments()
    {
        var server = fixture.Server("everything");

        var prompts = await server.ListPromptsAsync(TestTimeouts.DefaultToken());
        var prompt = await server.GetPromptAsync("args-prompt", new Dictionary<string, object?> { ["city"] = "Paris" }, TestTimeouts.DefaultToken());

        Assert.Contains(prompts, p => p.Name == "simple-prompt");
        Assert.Contains("Paris", string.Concat(prompt.Messages.Select(m => m.Content is ModelContextProtocol.Protocol.TextContentBlock t ? t.Text : "")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KilledServer_IsRestartedOnItsNextUse()
    {
        var pid = ChildProcesses.FindByEnvironment(fixture.SecondMarker) ?? throw new InvalidOperationException("second server process not found");
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill();
            await process.WaitForExitAsync(TestTimeouts.DefaultToken());
        }

        var reply = await InvokeAsync("second_echo", new() { ["message"] = "again" });

        Assert.Equal("Echo: again", reply);
        await fixture.Events.WaitForAsync<ServerStateChanged>(e => e.ServerName == "second" && e.State == ServerState.Restarting);
        await fixture.Events.WaitForAsync<ServerStateChanged>(e => e.ServerName == "second" && e.State == ServerState.Ready && e.Detail != null && e.Detail.StartsWith("restarted", StringComparison.Ordinal));
        Assert.NotEqual(pid, ChildProcesses.FindByEnvironment(fixture.SecondMarker));
        Assert.Equal(ServerState.Ready, fixture.Server("second").State);
        Assert.Equal("2025-11-25", fixture.Server("everything").ProtocolVersion);
    }

    [Fact]
    public async Task ToolListChanged_RefreshesTheServersFunctions()
    {
        // server-everything registers its capability-dependent tools after initialisation and announces them
        // with notifications/tools/list_changed.
        await fixture.Events.WaitForAsync<ServerFunctionsChanged>(e => e.ServerName == "everything" && fixture.Server("everything").Functions.Any(f => f.Name == "trigger_sampling_request"));

        Assert.Contains(fixture.Hub.GetFunctions(), f => f.Name == "everything_trigger_sampling_request");
    }

    private async Task<string> InvokeAsync(string functionName, Dictionary<string, object?> arguments)
    {
        var function = fixture.Hub.GetFunctions().Single(f => f.Name == functionName);
        var result = await function.InvokeAsync(new AIFunctionArguments(arguments), TestTimeouts.DefaultToken());
        return Assert.IsType<string>(result);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ValidName();

    [GeneratedRegex(@"demo://resource/static/document/[^""]+")]
    private static partial Regex UriInListing();
}
