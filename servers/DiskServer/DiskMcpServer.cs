using System.Reflection;
using DiskServer.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DiskServer;

/// <summary>
/// Builds the disk server's MCP options: its identity and its tools. Shared by the stdio entry point and the
/// in-memory tests, so both serve exactly the same thing.
/// </summary>
internal static class DiskMcpServer
{
    public const string Name = "disk";

    public static string Version { get; } =
        typeof(DiskMcpServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static McpServerOptions CreateOptions(DiskToolsOptions toolsOptions)
    {
        ArgumentNullException.ThrowIfNull(toolsOptions);

        // Tools are created from the [McpServerTool] methods directly, over one shared instance: no DI container
        // or host is needed, which keeps the cold start short.
        var target = new DiskTools(toolsOptions);
        var tools = new McpServerPrimitiveCollection<McpServerTool>();
        var createOptions = new McpServerToolCreateOptions { SerializerOptions = DiskJsonContext.ToolOptions };
        foreach (var method in typeof(DiskTools).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            if (method.GetCustomAttribute<McpServerToolAttribute>() is not null)
            {
                tools.Add(McpServerTool.Create(method, method.IsStatic ? null : target, createOptions));
            }
        }

        return new McpServerOptions
        {
            ServerInfo = new Implementation { Name = Name, Title = "Disk usage and OS information", Version = Version },
            ServerInstructions = "Read-only tools about this machine: disk usage per volume or path, the largest directories below a path, and OS information.",
            ToolCollection = tools,
        };
    }
}
