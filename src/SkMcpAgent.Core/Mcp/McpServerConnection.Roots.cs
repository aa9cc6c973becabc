namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    /// <summary>The roots this server is offered: those for every server (<c>--root</c>), then its own from mcp.json.</summary>
    public IReadOnlyList<string> DeclaredRoots() =>
        [.. _options.Roots.Concat(Config.Roots ?? []).Distinct(StringComparer.Ordinal)];
}
