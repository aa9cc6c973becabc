using System.Text.Json;
using System.Text.Json.Serialization;
using DiskServer.SystemInfo;
using ModelContextProtocol;

namespace DiskServer.Tools;

/// <summary>
/// Source-generated JSON metadata for the tools' structured results. Building the output schemas from reflection
/// cost about 70 ms of the cold start; generated metadata avoids it. Nulls are written because the output schemas
/// list every property as required (nullable ones as "or null").
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OsInfo))]
[JsonSerializable(typeof(DiskUsageReport))]
[JsonSerializable(typeof(LargestDirectoriesReport))]
internal sealed partial class DiskJsonContext : JsonSerializerContext
{
    /// <summary>The MCP SDK's options with this context first, for tool schemas and structured content alike.</summary>
    // Built on first use: a static initialiser here could run before the generated Default exists.
    public static JsonSerializerOptions ToolOptions => s_toolOptions ??= CreateToolOptions();

    private static JsonSerializerOptions? s_toolOptions;

    private static JsonSerializerOptions CreateToolOptions()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.TypeInfoResolverChain.Insert(0, Default);
        options.MakeReadOnly();
        return options;
    }
}
