namespace WeatherServer.Tests.Processes;

/// <summary>The official MCP conformance suite, acting as the client, against the weather server over Streamable HTTP.</summary>
// Its own server (class fixture), so the suite's runs overlap with the other HTTP tests instead of queueing behind them.
public sealed class ConformanceTests(WeatherHttpFixture fixture) : IClassFixture<WeatherHttpFixture>
{
    [Theory]
    [MemberData(nameof(ConformanceSuite.GenericScenarios), MemberType = typeof(ConformanceSuite))]
    public Task Scenario_Passes(string scenario) => ConformanceSuite.AssertPassesAsync(fixture.Server.McpUrl, scenario);
}
