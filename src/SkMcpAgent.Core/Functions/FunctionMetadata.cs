using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Functions;

/// <summary>
/// Keys in <see cref="AIFunction.AdditionalProperties"/> that say where a function comes from, so the console
/// and the JSON output can name the server and the original MCP tool behind <c>server_tool</c>.
/// </summary>
public static class FunctionMetadata
{
    /// <summary>The configured name of the MCP server (the plugin).</summary>
    public const string ServerKey = "skmcpagent.server";

    /// <summary>The tool's original name on its server.</summary>
    public const string ToolKey = "skmcpagent.tool";

    public static string? GetServerName(this AIFunction function) =>
        function.AdditionalProperties.TryGetValue(ServerKey, out var value) ? value as string : null;

    public static string? GetToolName(this AIFunction function) =>
        function.AdditionalProperties.TryGetValue(ToolKey, out var value) ? value as string : null;
}
