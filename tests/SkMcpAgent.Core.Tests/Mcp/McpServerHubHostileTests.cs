using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Core.Plugins;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Logging;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>Servers that misbehave (hostile-server.mjs): huge stderr lines, broken tool schemas.</summary>
public sealed class McpServerHubHostileTests
{
    private static readonly string s_script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.Core.Tests", "Mcp", "hostile-server.mjs");

    [Fact]
    public async Task Start_GivesABoundedReason_WhenAServerDiesAfterAFiveMegabyteStderrLine()
    {
        McpServerConfig[] servers = [new() { Name = "loud", Command = "node", Args = [s_script, "dies-loudly"] }];
        await using var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);

        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());

        var reason = hub.Servers[0].FailureReason;
        Assert.Equal(ServerState.Failed, hub.Servers[0].State);
        Assert.NotNull(reason);
        Assert.Contains("fatal: xxx", reason, StringComparison.Ordinal);
        Assert.Contains($"more characters]", reason, StringComparison.Ordinal);
        Assert.InRange(reason.Length, 1, 2 * StderrTail.DefaultMaxLineLength);
    }

    [Fact]
    public async Task Start_GivesTheServersLastWords_WhenItsStderrEndsWellAfterItsExit()
    {
        McpServerConfig[] servers = [new() { Name = "slow", Command = "node", Args = [s_script, "late-stderr"] }];
        await using var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);

        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());

        Assert.Equal(ServerState.Failed, hub.Servers[0].State);
        Assert.Contains("fatal: said after the exit", hub.Servers[0].FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FailsWithinTheBound_WhenAChildOfTheDeadServerKeepsItsStderrOpen()
    {
        McpServerConfig[] servers = [new() { Name = "held", Command = "node", Args = [s_script, "holds-stderr"] }];
        var hub = new McpServerHub(servers, new McpHubOptions { StderrDrainLimit = TimeSpan.FromMilliseconds(200) }, NullAgentEventSink.Instance, NullLoggerFactory.Instance);
        int child;
        try
        {
            hub.Start();
            await hub.WaitForAllAsync(TestTimeouts.DefaultToken());

            var reason = hub.Servers[0].FailureReason;
            Assert.Equal(ServerState.Failed, hub.Servers[0].State);
            Assert.NotNull(reason);
            Assert.Contains("exited with code 1", reason, StringComparison.Ordinal);
            const string marker = "fatal: held open by ";
            Assert.Contains(marker, reason, StringComparison.Ordinal);
            var line = reason[(reason.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
            child = int.Parse(line.Split(Environment.NewLine)[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(ChildProcesses.IsAlive(child), "the child holding the server's stderr should still run until the hub stops it");
        }
        finally
        {
            await hub.DisposeAsync();
        }

        Assert.False(ChildProcesses.IsAlive(child), $"the server's child {child} is still running after DisposeAsync");
    }

    [Fact]
    public async Task Start_KeepsStderrAndItsLogLinesBounded_WhenAServingServerWritesMegabyteLines()
    {
        McpServerConfig[] servers = [new() { Name = "chatty", Command = "node", Args = [s_script, "long-stderr"] }];
        using var logs = new CapturingLoggerFactory();
        await using var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, logs);

        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
        await logs.WaitForAsync("stderr: stderr done");
        var result = await hub.GetFunctions().Single(f => f.Name == "chatty_echo")
            .InvokeAsync(new AIFunctionArguments(new Dictionary<string, object?> { ["text"] = "hi" }), TestTimeouts.DefaultToken());

        Assert.Equal(ServerState.Ready, hub.Servers[0].State);
        Assert.Equal("echo: hi", result?.ToString());
        Assert.InRange(hub.Servers[0].StderrRetainedLength, 1, StderrTail.DefaultMaxLength);
        Assert.Contains(logs.Entries, e => e.Message.Contains("stderr: line 19: yyy", StringComparison.Ordinal) && e.Message.Contains("more characters]", StringComparison.Ordinal));
        Assert.All(logs.Entries, e => Assert.InRange(e.Message.Length, 0, 2 * StderrTail.DefaultMaxLineLength));
    }

    [Fact]
    public async Task Start_SkipsEachToolWithABadSchemaWithAWarning_WhileTheServersOtherToolsWork()
    {
        McpServerConfig[] servers = [new() { Name = "sloppy", Command = "node", Args = [s_script, "bad-schemas"] }];
        var events = new RecordingEventSink();
        await using var hub = new McpServerHub(servers, new McpHubOptions(), events, NullLoggerFactory.Instance);

        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
        var second = hub.GetFunctions().Single(f => f.Name == "sloppy_second_good");
        var result = await second.InvokeAsync(new AIFunctionArguments(new Dictionary<string, object?> { ["text"] = "hi" }), TestTimeouts.DefaultToken());

        Assert.Equal(ServerState.Ready, hub.Servers[0].State);
        Assert.Equal(["sloppy_first_good", "sloppy_second_good"], hub.GetFunctions().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal("second_good: hi", result?.ToString());
        var warnings = events.Events.OfType<ServerWarning>().Where(w => w.ServerName == "sloppy").Select(w => w.Message).ToList();
        Assert.Equal(4, warnings.Count);
        Assert.Contains("tool 'string_schema' was skipped: it has an inputSchema that is not a JSON object (string)", warnings);
        Assert.Contains("tool 'no_schema' was skipped: it has no inputSchema", warnings);
        Assert.Contains(warnings, w => w.StartsWith("tool 'array_schema' was skipped: it is not a valid MCP tool", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("tool 'string_properties' was skipped: it has an input schema the kernel cannot read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task McpServerPlugin_OffersTheGoodTools_WhenTheServerAlsoListsToolsWithBadSchemas()
    {
        McpServerConfig[] servers = [new() { Name = "sloppy", Command = "node", Args = [s_script, "bad-schemas"] }];
        await using var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);
        hub.Start();
        await hub.WaitForAllAsync(TestTimeouts.DefaultToken());
        var builder = Kernel.CreateBuilder();
        builder.Plugins.AddMcpServers(hub);
        var kernel = builder.Build();

        var functions = kernel.Plugins.GetFunctionsMetadata();
        var result = await kernel.InvokeAsync("sloppy", "first_good", new KernelArguments { ["text"] = "hi" }, TestTimeouts.DefaultToken());

        Assert.Equal(["first_good", "second_good"], functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal("first_good: hi", result.ToString());
    }
}
