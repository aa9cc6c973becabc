using System.Text.RegularExpressions;
using SkMcpAgent.Testing;

namespace WeatherServer.Tests.Processes;

/// <summary>The official MCP conformance suite, acting as the client, against the weather server over Streamable HTTP.</summary>
// Its own server (class fixture), so the suite's runs overlap with the other HTTP tests instead of queueing behind them.
public sealed partial class ConformanceTests(WeatherHttpFixture fixture) : IClassFixture<WeatherHttpFixture>
{
    [Theory]
    [InlineData("server-initialize")]
    [InlineData("ping")]
    [InlineData("logging-set-level")]
    [InlineData("tools-list")]
    [InlineData("resources-list")]
    [InlineData("prompts-list")]
    [InlineData("server-sse-multiple-streams")]
    [InlineData("dns-rebinding-protection")]
    public async Task Scenario_Passes(string scenario)
    {
        var results = Directory.CreateTempSubdirectory("weather-conformance-");
        try
        {
            await using var suite = ChildProcess.Start(Peers.Bin("conformance"),
                ["server", "--url", fixture.Server.McpUrl, "--scenario", scenario, "-o", results.FullName]);

            var exitCode = await suite.WaitForExitAsync(TestTimeouts.DefaultToken());

            var output = suite.StandardOutput + suite.StandardError;
            Assert.True(exitCode == 0, $"conformance {scenario} exited {exitCode}:\n{output}");
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
