using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkMcpAgent.Core.Mcp;

/// <summary>What <c>list_resources</c> returns to the model: camelCase, absent values left out.</summary>
internal sealed record ResourceListing(IReadOnlyList<ListedResource> Resources, IReadOnlyList<ListedResourceTemplate> Templates);

/// <summary>One resource of the listing.</summary>
internal sealed record ListedResource(string Uri, string Name, string? Description, string? MimeType);

/// <summary>One URI template of the listing.</summary>
internal sealed record ListedResourceTemplate(string UriTemplate, string Name, string? Description, string? MimeType);

/// <summary>Source-generated, so the listing needs no reflection (the agent's code stays NativeAOT-correct).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ResourceListing))]
internal sealed partial class ResourceListingJsonContext : JsonSerializerContext;
