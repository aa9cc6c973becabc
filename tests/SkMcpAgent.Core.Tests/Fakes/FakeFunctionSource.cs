using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Tests.Fakes;

/// <summary>A function source whose set a test can change between turns.</summary>
public sealed class FakeFunctionSource(params AIFunction[] functions) : IFunctionSource
{
    public List<AIFunction> Functions { get; } = [.. functions];

    public IReadOnlyList<AIFunction> GetFunctions() => [.. Functions];
}
