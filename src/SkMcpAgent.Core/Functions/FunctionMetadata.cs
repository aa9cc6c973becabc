using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace SkMcpAgent.Core.Functions;

/// <summary>
/// Keys in <see cref="AIFunction.AdditionalProperties"/> that say where a function comes from, so the console
/// and the JSON output can name the server and the original MCP tool behind <c>plugin_function</c>.
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

    /// <summary>The name the model sees: <c>plugin_function</c> (SK's <see cref="KernelFunction.Name"/> is the short one).</summary>
    public static string QualifiedName(this KernelFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return ((AIFunction)function).Name;
    }
}
