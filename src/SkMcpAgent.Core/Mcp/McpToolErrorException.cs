namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// A tool call that failed in a way the model should hear about: the tool answered with <c>isError: true</c>,
/// timed out, was rejected by the server, or its server is down. <see cref="Exception.Message"/> is written for
/// the model (and the user); the middleware marks the call failed and sends the message back as the result.
/// </summary>
public sealed class McpToolErrorException : Exception
{
    public McpToolErrorException()
    {
    }

    public McpToolErrorException(string message)
        : base(message)
    {
    }

    public McpToolErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public McpToolErrorException(string serverName, string toolName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ServerName = serverName;
        ToolName = toolName;
    }

    public string? ServerName { get; }

    /// <summary>The tool's original MCP name.</summary>
    public string? ToolName { get; }
}
