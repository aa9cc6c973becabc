using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SkMcpAgent.Core.Mcp;

/// <summary>Source-generated serialisation for the schema rewriting and elicitation answers (no reflection).</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class McpSchemaJsonContext : JsonSerializerContext;
