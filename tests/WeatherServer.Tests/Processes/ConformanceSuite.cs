using System.Text.RegularExpressions;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Processes;

namespace WeatherServer.Tests.Processes;

/// <summary>Runs one scenario of the official MCP conformance suite (the client side) against a server URL.</summary>
public static partial class ConformanceSuite
{
    /// <summary>The suite 0.1.16's generic server scenarios: those that need no fixture tools, resources or prompts.</summary>
    public static TheoryData<string> GenericScenarios { get; } = new(Generic);

    /// <summary>The generic scenarios a stateless server can pass: server-sse-multiple-streams opens GET streams, which need a session.</summary>
    public static TheoryData<string> StatelessScenarios { get; } = new(Generic.Where(s => s != "server-sse-multiple-streams"));

    private static string[] Generic =>
    [
        "server-initialize", "ping", "logging-set-level", "tools-list", "resources-list", "prompts-list",
        "server-sse-multiple-streams", "dns-rebinding-protection",
    ];

    public static async Task AssertPassesAsync(string mcpUrl, string scenario)
    {
        var results = Directory.CreateTempSubdirectory("weather-conformance-");
        try
        {
            await using var suite = ChildProcess.Start(Peers.Bin("conformance"), ["server", "--url", mcpUrl, "--scenario", scenario, "-o", results.FullName]);
            var exitCode = await suite.WaitForExitAsync(TestTimeouts.DefaultToken());

            var output = suite.StandardOutput + suite.StandardError;
            Assert.True(exitCode == 0, $"conformance {scenario} against {mcpUrl} exited {exitCode}:\n{output}");
            Assert.Matches(AllPassed(), output);
        }
        finally
        {
            results.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"Passed: (\d+)/\1, 0 failed")]
    private static partial Regex AllPassed();
}
