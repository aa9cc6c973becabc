using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkMcpAgent.Output;

/// <summary>
/// The contracts of everything <c>--json</c> and <c>stream-json</c> print, source-generated: a NativeAOT build of the
/// agent (-p:AgentNativeAot=true) has no reflection-based serializer. The writers' options (indentation, escaping) are
/// their own; these contracts are resolved through them.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JsonAnswer))]
[JsonSerializable(typeof(JsonErrorEnvelope))]
[JsonSerializable(typeof(JsonCallResult))]
[JsonSerializable(typeof(JsonToolList))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, object?>))]
[JsonSerializable(typeof(StreamSession))]
[JsonSerializable(typeof(StreamText))]
[JsonSerializable(typeof(StreamCallStarted))]
[JsonSerializable(typeof(StreamCallProgress))]
[JsonSerializable(typeof(StreamCallFinished))]
[JsonSerializable(typeof(StreamServerError))]
[JsonSerializable(typeof(StreamAgentError))]
[JsonSerializable(typeof(StreamWarning))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
