using System.Text.Json;
using System.Text.Json.Serialization;
using DiskServer.SystemInfo;
using Shared.Json;

namespace DiskServer.Tools;

/// <summary>
/// Source-generated JSON metadata for the tools' structured results. Building the output schemas from reflection
/// cost about 70 ms of the cold start; generated metadata avoids it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OsInfo))]
[JsonSerializable(typeof(DiskUsageReport))]
[JsonSerializable(typeof(LargestDirectoriesReport))]
internal sealed partial class DiskJsonContext : JsonSerializerContext
{
    /// <summary>The options for tool schemas and structured content (<see cref="ToolJsonOptions"/>).</summary>
    // Built on first use: a static initialiser here could run before the generated Default exists.
    public static JsonSerializerOptions ToolOptions => s_toolOptions ??= ToolJsonOptions.Create(Default);

    private static JsonSerializerOptions? s_toolOptions;
}
