using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Plugins;

/// <summary>Adds MCP servers to a kernel the way SK adds any plugin: <c>builder.Plugins.AddMcpServers(hub)</c>.</summary>
public static class McpPluginsExtensions
{
    /// <summary>One <see cref="McpServerPlugin"/> per configured server, in server-list order.</summary>
    public static IKernelBuilderPlugins AddMcpServers(this IKernelBuilderPlugins plugins, McpServerHub hub)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(hub);

        foreach (var server in hub.Servers)
        {
            plugins.Add(new McpServerPlugin(hub, server));
        }

        return plugins;
    }

    /// <summary>The MCP server behind a kernel function, or null for a function of another plugin.</summary>
    public static McpServerConnection? FindServer(this Kernel kernel, KernelFunction function) => FindPlugin(kernel, function)?.Server;

    /// <summary>The MCP function behind a kernel function, or null for a function of another plugin.</summary>
    public static AIFunction? FindSourceFunction(this Kernel kernel, KernelFunction function) =>
        FindPlugin(kernel, function)?.FindSource(function.Name);

    private static McpServerPlugin? FindPlugin(Kernel kernel, KernelFunction function)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(function);

        return function.PluginName is { } pluginName && kernel.Plugins.TryGetPlugin(pluginName, out var plugin)
            ? plugin as McpServerPlugin
            : null;
    }
}
