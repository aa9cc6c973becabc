using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using WeatherServer.Nws;
using WeatherServer.Tools;

namespace WeatherServer.Hosting;

/// <summary>
/// The weather server's identity, tools, resources and prompts, made from their attributed methods directly (no DI
/// container), so the stdio server starts fast. The HTTP host and the in-memory tests serve the same primitives.
/// </summary>
public static class WeatherMcpServer
{
    public const string ServerName = "weather";

    public static McpServerOptions CreateOptions(NwsClient nws)
    {
        var options = new McpServerOptions();
        Configure(options, nws);
        return options;
    }

    public static void Configure(McpServerOptions options, NwsClient nws)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(nws);

        options.ServerInfo = new Implementation { Name = ServerName, Title = "US weather (National Weather Service)", Version = "0.1.0" };
        options.ServerInstructions =
            "US weather from the National Weather Service: get_alerts(state) for active alerts in a US state or territory, "
            + "get_forecast(latitude, longitude) for a forecast at a US location.";

        var tools = new WeatherTools(nws);
        var toolOptions = new McpServerToolCreateOptions { SerializerOptions = WeatherJsonContext.ToolOptions };
        options.ToolCollection = [.. Methods<WeatherTools, McpServerToolAttribute>().Select(m => McpServerTool.Create(m, m.IsStatic ? null : tools, toolOptions))];

        options.ResourceCollection = [.. Methods<WeatherResources, McpServerResourceAttribute>().Select(static m => McpServerResource.Create(m, target: null))];

        var promptOptions = new McpServerPromptCreateOptions { SerializerOptions = WeatherJsonContext.ToolOptions };
        options.PromptCollection = [.. Methods<WeatherPrompts, McpServerPromptAttribute>().Select(m => McpServerPrompt.Create(m, target: null, promptOptions))];
    }

    // The annotation keeps the public methods of TType when the server is trimmed or compiled with NativeAOT.
    private static IEnumerable<MethodInfo> Methods<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] TType, TAttribute>()
        where TAttribute : Attribute =>
        typeof(TType).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(static m => m.GetCustomAttribute<TAttribute>() is not null);
}
