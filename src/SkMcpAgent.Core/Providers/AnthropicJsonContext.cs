using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkMcpAgent.Core.Providers;

/// <summary>
/// Source-generated contracts for the framework types the Anthropic SDK serializes over value types: the dictionaries
/// of JSON values that carry tool inputs and request bodies, and the nullable values it reads optional fields as.
/// Used by <see cref="AnthropicJson"/>; the SDK's own model types cannot be declared here (their converters are
/// internal to the SDK, which the generator rejects): <see cref="AnthropicValueTypeContracts"/> makes the contracts of
/// their lists and enums.
/// </summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, JsonElement>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(double?))]
[JsonSerializable(typeof(bool?))]
[JsonSerializable(typeof(DateTimeOffset?))]
internal sealed partial class AnthropicJsonContext : JsonSerializerContext;
