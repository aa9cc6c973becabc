namespace McpHttpHosting;

/// <summary>Header names of the Streamable HTTP transport.</summary>
public static class McpHttpHeaders
{
    public const string SessionId = "Mcp-Session-Id";
    public const string ProtocolVersion = "MCP-Protocol-Version";

    /// <summary>The protocol versions this hosting layer accepts in <see cref="ProtocolVersion"/>.</summary>
    public static IReadOnlySet<string> SupportedProtocolVersions { get; } =
        new HashSet<string>(["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"], StringComparer.Ordinal);
}
