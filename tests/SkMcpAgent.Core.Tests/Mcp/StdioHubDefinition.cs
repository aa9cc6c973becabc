namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>The test classes that share one <see cref="StdioHubFixture"/> (and so its server processes).</summary>
[CollectionDefinition(Name)]
public sealed class StdioHubDefinition : ICollectionFixture<StdioHubFixture>
{
    public const string Name = "stdio hub";
}
