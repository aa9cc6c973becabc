namespace SkMcpAgent.Core.Configuration;

/// <summary>Asks the user for a <c>${input:id}</c> value the environment does not supply (the REPL does; single-shot has none).</summary>
public interface IMcpInputSource
{
    /// <summary>The value typed for <paramref name="input"/>, or null when the user gave none.</summary>
    string? Ask(McpInput input);
}
