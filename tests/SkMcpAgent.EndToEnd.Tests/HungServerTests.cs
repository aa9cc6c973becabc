using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary><c>call</c> against a server that never answers tools/call: a timeout by default, and Ctrl+C.</summary>
public sealed class HungServerTests : IAsyncLifetime, IDisposable
{
    private static readonly string s_script = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.EndToEnd.Tests", "hung-server.mjs");

    // The server connects here when a call reaches it, so the test knows the call is in flight.
    private readonly TcpListener _callSignal = new(IPAddress.Loopback, 0);
    private AgentWorkspace _workspace = null!;

    public async Task InitializeAsync()
    {
        _workspace = await AgentWorkspace.CreateAsync();
        _callSignal.Start();
        var port = ((IPEndPoint)_callSignal.LocalEndpoint).Port;
        _workspace.WriteNodeServerConfig("hung", s_script, "CALL_SIGNAL_PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    public void Dispose() => _callSignal.Dispose();

    [Fact]
    public async Task Call_ExitsOneNamingTheLimit_WhenTheServerNeverAnswers()
    {
        var (exitCode, agent) = await _workspace.RunAsync("call", "hung_wait", "--tool-timeout", "1");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "error: hung_wait did not answer within 1 s and was cancelled; change the limit with --tool-timeout SECONDS (0 for none).",
            agent.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_JsonReportsTheTimeout_WhenTheServerNeverAnswers()
    {
        var (exitCode, agent) = await _workspace.RunAsync("call", "hung_wait", "--tool-timeout", "0.5", "--json");
        await using var _ = agent;

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(agent.Stdout);
        Assert.False(document.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains("within 0.5 s", document.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ExitsOneThirtyPromptly_WhenInterruptedWhileTheServerHangs()
    {
        // The default limit (two minutes) is far away: only Ctrl+C can end this call within the test's timeout.
        await using var agent = AgentProcess.Start(_workspace.Directory, ["call", "hung_wait"]);
        await agent.WriteInputAsync(string.Empty, close: true);
        using (await _callSignal.AcceptTcpClientAsync(TestTimeouts.DefaultToken()))
        {
        }

        var stopwatch = Stopwatch.StartNew();
        await agent.SendInterruptAsync();
        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(130, exitCode);
        Assert.Contains("error: cancelled", agent.Stderr, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed} after Ctrl+C");
    }
}
