namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>
/// The integration test classes share one <see cref="IntegrationFixture"/> (its server processes and fakes) and so
/// run one after another: the fake model's script belongs to one test at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IntegrationDefinition : ICollectionFixture<IntegrationFixture>
{
    public const string Name = "integration";
}
