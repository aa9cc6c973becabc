namespace SkMcpAgent.Core.Configuration;

/// <summary>
/// One entry of a VS Code <c>mcp.json</c>'s <c>"inputs"</c>: a value the user supplies, referenced as
/// <c>${input:id}</c> (an API key in a header, say). <see cref="Password"/> inputs are typed without echo.
/// </summary>
public sealed record McpInput(string Id, string? Description, bool Password, string? Default)
{
    /// <summary>The prefix of the environment variable that supplies an input without asking (single-shot, scripts).</summary>
    public const string VariablePrefix = "SKMCPAGENT_INPUT_";

    /// <summary>The environment variable for this input: <c>api-key</c> is <c>SKMCPAGENT_INPUT_API_KEY</c>.</summary>
    public string VariableName => VariableNameOf(Id);

    public static string VariableNameOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return VariablePrefix + string.Concat(id.Select(static c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_'));
    }
}
