namespace McpHttpHosting.Tests;

/// <summary>A scoped service: resolving it needs a live service provider, so a session built on a finished request's services would fail.</summary>
public sealed class RequestScopedThing
{
    public string Name { get; } = "scoped";
}
