using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Mcp;

/// <summary>A function under another name (the name the kernel gives it); everything else is the inner function's.</summary>
internal sealed class RenamedFunction(AIFunction inner, string name) : DelegatingAIFunction(inner)
{
    public override string Name => name;
}
