namespace WeatherServer.Tests.Processes;

/// <summary>
/// The conformance suite's generic server scenarios through nginx in front of three stateless replicas. Not
/// server-sse-multiple-streams: it opens GET streams, which need a session (stateful mode; see ConformanceTests).
/// </summary>
public sealed class LoadBalancedConformanceTests(LoadBalancedReplicasFixture fixture) : IClassFixture<LoadBalancedReplicasFixture>
{
    [Theory]
    [MemberData(nameof(ConformanceSuite.StatelessScenarios), MemberType = typeof(ConformanceSuite))]
    public Task Scenario_Passes_ThroughTheLoadBalancer(string scenario) =>
        ConformanceSuite.AssertPassesAsync(fixture.McpUrl, scenario);
}
