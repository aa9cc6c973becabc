using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SkMcpAgent.Core.Mcp;

/// <summary>Source-generated serialisation for the schema rewriting (no reflection).</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class McpSchemaJsonContext : JsonSerializerContext;
