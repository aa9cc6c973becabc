using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Anthropic.Core;

namespace SkMcpAgent.Core.Providers;

/// <summary>
/// Lets the Anthropic SDK (13.x) run in a NativeAOT agent. The SDK reads and writes every model through one internal
/// <see cref="JsonSerializerOptions"/> with converters but no type resolver, so System.Text.Json falls back to
/// reflection, which cannot make converters for generic value types at run time in a native executable
/// (anthropics/anthropic-sdk-csharp#79). Before the SDK first uses those options, this puts
/// <see cref="AnthropicValueTypeContracts"/> and <see cref="AnthropicJsonContext"/> in front of the reflection resolver
/// (which still serves the SDK's model classes) and replaces the SDK's reflection-made converter for frozen
/// dictionaries of JSON values with a plain one. The model classes' own converters, named only in attributes, are
/// kept in the native executable by src/SkMcpAgent/AnthropicSdk.rd.xml. The JSON the SDK writes and reads is unchanged
/// (the same converters run); only the contracts for its value types are made at compile time.
/// </summary>
internal static class AnthropicJson
{
    private static readonly Lazy<bool> s_prepared = new(PrepareOnce);

    /// <summary>The SDK's options (for tests).</summary>
    internal static JsonSerializerOptions SdkOptions => SdkSerializerOptions(null);

    /// <summary>Prepares the SDK's options; true when they were prepared (false: the SDK had already used them).</summary>
    public static bool Prepare() => s_prepared.Value;

    // The field is internal to the SDK; the accessor is checked when first called, so an SDK that renames it fails
    // here, on the first Anthropic client, with MissingFieldException (AnthropicJsonTests catches that on upgrade).
    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "SerializerOptions")]
    private static extern ref JsonSerializerOptions SdkSerializerOptions(ModelBase? declaringType);

    private static bool PrepareOnce()
    {
        var options = SdkSerializerOptions(null);
        if (options.IsReadOnly)
        {
            return false;
        }

        // Converters are tried in order: this one answers before the SDK's factory, which makes its converter with
        // MakeGenericType over a value type.
        options.Converters.Insert(0, new FrozenJsonDictionaryConverter());
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(AnthropicValueTypeContracts.Instance, AnthropicJsonContext.Default, ReflectionResolver());
        return true;
    }

    // The resolver the SDK's options fall back to when they have none: its model classes (reference types, whose
    // shared code NativeAOT has) still go through it, as before; reflection stays enabled in the native build for them.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The SDK's options used this resolver already; only its value-type collections are taken from it.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above: what NativeAOT cannot make by reflection has a contract in front of it.")]
    private static DefaultJsonTypeInfoResolver ReflectionResolver() => new DefaultJsonTypeInfoResolver();

    /// <summary>A frozen dictionary of JSON values (a model's raw data) read and written as a JSON object.</summary>
    private sealed class FrozenJsonDictionaryConverter : JsonConverter<FrozenDictionary<string, JsonElement>>
    {
        public override FrozenDictionary<string, JsonElement>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize(ref reader, Contract<Dictionary<string, JsonElement>>(options))?.ToFrozenDictionary();

        public override void Write(Utf8JsonWriter writer, FrozenDictionary<string, JsonElement> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, Contract<IReadOnlyDictionary<string, JsonElement>>(options));

        // The SDK's options resolve these from AnthropicJsonContext, with the SDK's settings.
        private static JsonTypeInfo<T> Contract<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }
}
