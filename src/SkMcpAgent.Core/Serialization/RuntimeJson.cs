using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using ModelContextProtocol;

namespace SkMcpAgent.Core.Serialization;

/// <summary>
/// JSON options that never fall back to reflection (a NativeAOT build has none): our source-generated contracts first,
/// then the MCP SDK's and Microsoft.Extensions.AI's, and <see cref="RuntimeValueConverter"/> for values typed
/// <see cref="object"/>. The SDKs' own options add a reflection resolver when reflection is enabled (under the JIT):
/// only their source-generated contexts are taken here, so tests take the same path as the native executable.
/// </summary>
public static class RuntimeJson
{
    /// <summary>The MCP SDK's and Microsoft.Extensions.AI's source-generated contexts, and nothing else from their chains.</summary>
    public static IJsonTypeInfoResolver SdkContracts { get; } = JsonTypeInfoResolver.Combine(
    [
        .. McpJsonUtilities.DefaultOptions.TypeInfoResolverChain.OfType<JsonSerializerContext>(),
        .. AIJsonUtilities.DefaultOptions.TypeInfoResolverChain.OfType<JsonSerializerContext>(),
    ]);

    /// <summary>Microsoft.Extensions.AI's settings (camelCase, indented, readable text), for values of any type.</summary>
    public static JsonSerializerOptions Default { get; } = CreateOptions(AIJsonUtilities.DefaultOptions, null);

    /// <summary>Read-only options with the settings of <paramref name="settings"/>, resolving <paramref name="ours"/> first.</summary>
    public static JsonSerializerOptions CreateOptions(JsonSerializerOptions settings, IJsonTypeInfoResolver? ours)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new JsonSerializerOptions(settings)
        {
            TypeInfoResolver = ours is null ? SdkContracts : JsonTypeInfoResolver.Combine(ours, SdkContracts),
        };
        options.Converters.Add(new RuntimeValueConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The contract for <typeparamref name="T"/>; throws <see cref="NotSupportedException"/> when no context declares it.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }
}
