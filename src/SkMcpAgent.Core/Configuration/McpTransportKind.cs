namespace SkMcpAgent.Core.Configuration;

/// <summary>How the agent talks to an MCP server.</summary>
public enum McpTransportKind
{
    /// <summary>A child process speaking JSON-RPC on stdin/stdout.</summary>
    Stdio,

    /// <summary>Streamable HTTP, falling back to legacy HTTP+SSE when the server does not speak it.</summary>
    Http,

    /// <summary>The legacy HTTP+SSE transport only.</summary>
    Sse,
}
