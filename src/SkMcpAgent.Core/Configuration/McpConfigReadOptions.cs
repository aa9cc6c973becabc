namespace SkMcpAgent.Core.Configuration;

/// <summary>What reading a server list may use besides its variables: someone to ask for inputs, somewhere to warn.</summary>
public sealed class McpConfigReadOptions
{
    /// <summary>Asks for <c>${input:id}</c> values missing from the environment; null to fail naming the variable instead.</summary>
    public IMcpInputSource? Inputs { get; init; }

    /// <summary>Receives warnings (unknown keys) as the server name and one line; null drops them.</summary>
    public Action<string, string>? Warn { get; init; }
}
