namespace WeatherServer.Tests.Processes;

/// <summary>
/// The conformance suite's generic server scenarios through nginx in front of three stateless replicas. Not
/// server-sse-multiple-streams: it opens GET streams, which need a session (stateful mode; see ConformanceTests).
/// </summary>
public sealed class LoadBalancedConformanceTests(LoadBalancedReplicasFixture fixture) : IClassFixture<LoadBalancedReplicasFixture>
{
    [Theory]
    [InlineData("server-initialize")]
    [InlineData("ping")]
    [InlineData("logging-set-level")]
    [InlineData("tools-list")]
    [InlineData("resources-list")]
    [InlineData("prompts-list")]
    [InlineData("dns-rebinding-protection")]
    public Task Scenario_Passes_ThroughTheLoadBalancer(string scenario) =>
        LoadBalancedReplicasTests.AssertConformanceAsync(fixture.McpUrl, scenario);

}
