namespace SkMcpAgent.EndToEnd.Tests.Support;

/// <summary>Agent processes each start two server processes; on two cores they run one test at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AgentProcessGroup
{
    public const string Name = "agent processes";
}
