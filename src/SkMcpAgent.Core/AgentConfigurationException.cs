namespace SkMcpAgent.Core;

/// <summary>
/// A problem the user fixes by editing a file or an environment variable: a malformed mcp.json, a missing API key.
/// The console maps it to exit code 2 and prints <see cref="Exception.Message"/> alone, so the message must say
/// what is wrong and where (file, line and column; variable and env file). It never carries a secret.
/// </summary>
public sealed class AgentConfigurationException : Exception
{
    public AgentConfigurationException()
    {
    }

    public AgentConfigurationException(string message)
        : base(message)
    {
    }

    public AgentConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
