using System.Text.Json;
using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Processes;

namespace SkMcpAgent.EndToEnd.Tests.Conformance;

/// <summary>
/// The official MCP conformance suite (<c>@modelcontextprotocol/conformance</c> 0.1.16) plays the server and runs the
/// real agent executable through conformance-client.sh, one scenario at a time. Every scenario that passes is here
/// (22 of 26); the README lists the four that cannot and why. auth/metadata-default and auth/pre-registration also
/// check the token cache: the second run opens no browser, the file is owner-only, the token is in no output.
/// </summary>
[Collection(AgentProcessGroup.Name)]
public sealed class ConformanceClientTests : IDisposable
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "skmcpagent-conformance-" + Guid.NewGuid().ToString("N")[..8]);

    public static TheoryData<string> PassingScenarios =>
    [
        "initialize",
        "tools_call",
        "elicitation-sep1034-client-defaults",
        "sse-retry",
        "auth/metadata-default",
        "auth/metadata-var1",
        "auth/metadata-var2",
        "auth/metadata-var3",
        "auth/basic-cimd",
        "auth/scope-from-www-authenticate",
        "auth/scope-from-scopes-supported",
        "auth/scope-omitted-when-undefined",
        "auth/scope-step-up",
        "auth/scope-retry-limit",
        "auth/token-endpoint-auth-basic",
        "auth/token-endpoint-auth-post",
        "auth/token-endpoint-auth-none",
        "auth/pre-registration",
        "auth/2025-03-26-oauth-metadata-backcompat",
        "auth/resource-mismatch",
        "auth/offline-access-scope",
        "auth/offline-access-not-supported",
    ];

    [Theory]
    [MemberData(nameof(PassingScenarios))]
    public async Task Scenario_Passes(string scenario)
    {
        var wrapper = Path.Combine(RepoPaths.Root, "tests", "SkMcpAgent.EndToEnd.Tests", "Conformance", "conformance-client.sh");
        await using var suite = ChildProcess.Start(
            Peers.Bin("conformance"),
            ["client", "--command", $"bash {wrapper}", "--scenario", scenario, "-o", _results],
            new Dictionary<string, string> { ["AGENT"] = RepoPaths.AgentExecutable });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var exitCode = await suite.WaitForExitAsync(timeout.Token);

        var failures = FailedChecks();
        Assert.True(exitCode == 0 && failures.Count == 0, $"{scenario}: exit {exitCode}; failed checks: {string.Join(", ", failures)}{Environment.NewLine}{suite.StandardError}");
    }

    public void Dispose()
    {
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }

    /// <summary>The ids of the checks that failed or warned, from the checks.json the suite wrote.</summary>
    private List<string> FailedChecks()
    {
        var failed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(_results, "checks.json", SearchOption.AllDirectories))
        {
            using var checks = JsonDocument.Parse(File.ReadAllText(file));
            failed.AddRange(checks.RootElement.EnumerateArray()
                .Where(static c => c.GetProperty("status").GetString() is "FAILURE" or "WARNING")
                .Select(static c => c.GetProperty("id").GetString() ?? "?"));
        }

        return failed;
    }
}
