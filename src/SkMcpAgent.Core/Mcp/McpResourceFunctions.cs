using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// <c>list_resources</c> and <c>read_resource(uri)</c> in the server's plugin, so the model can pull a server's context
/// the way it calls tools.
/// </summary>
internal static class McpResourceFunctions
{
    // Return the text itself, as tool functions do, rather than the factory's JSON-serialised string.
    private static readonly Func<object?, Type?, CancellationToken, ValueTask<object?>> s_asIs = static (result, _, _) => ValueTask.FromResult(result);

    public static IEnumerable<AIFunction> Create(McpServerConnection connection, ISet<string> taken)
    {
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [FunctionMetadata.ServerKey] = connection.Name,
        };

        yield return AIFunctionFactory.Create(
            (CancellationToken cancellationToken) => ListAsync(connection, cancellationToken),
            new AIFunctionFactoryOptions
            {
                Name = FunctionNames.MakeUnique(FunctionNames.ForFunction(connection.PluginName, "list_resources"), taken, FunctionNames.MaxFunctionLength(connection.PluginName)),
                Description = $"Lists the resources (documents, data) of the MCP server '{connection.Name}': their URIs, names and descriptions, and URI templates.",
                AdditionalProperties = new Dictionary<string, object?>(metadata) { [FunctionMetadata.ToolKey] = "resources/list" },
                MarshalResult = s_asIs,
            });

        yield return AIFunctionFactory.Create(
            ([Description("The resource URI, as listed by list_resources or built from a URI template.")] string uri, CancellationToken cancellationToken) =>
                ReadAsync(connection, uri, cancellationToken),
            new AIFunctionFactoryOptions
            {
                Name = FunctionNames.MakeUnique(FunctionNames.ForFunction(connection.PluginName, "read_resource"), taken, FunctionNames.MaxFunctionLength(connection.PluginName)),
                Description = $"Reads one resource of the MCP server '{connection.Name}' by URI and returns its contents.",
                AdditionalProperties = new Dictionary<string, object?>(metadata) { [FunctionMetadata.ToolKey] = "resources/read" },
                MarshalResult = s_asIs,
            });
    }

    private static async Task<string> ListAsync(McpServerConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            using var call = FunctionCallScope.LinkCurrent(cancellationToken);
            var resources = await connection.ListResourcesAsync(call.Token);
            var templates = await connection.ListResourceTemplatesAsync(call.Token);
            return FormatListing(resources.Select(static r => r.ProtocolResource), templates.Select(static t => t.ProtocolResourceTemplate));
        }
        catch (Exception ex) when (ex is McpException or InvalidOperationException)
        {
            throw new McpToolErrorException(connection.Name, "resources/list", $"Server '{connection.Name}' could not list its resources: {ex.Message}", ex);
        }
    }

    /// <summary>The listing as JSON: <c>{"resources":[{"uri",...}],"templates":[{"uriTemplate",...}]}</c>, nulls left out.</summary>
    internal static string FormatListing(IEnumerable<Resource> resources, IEnumerable<ResourceTemplate> templates) => JsonSerializer.Serialize(
        new ResourceListing(
            [.. resources.Select(static r => new ListedResource(r.Uri, r.Name, r.Description, r.MimeType))],
            [.. templates.Select(static t => new ListedResourceTemplate(t.UriTemplate, t.Name, t.Description, t.MimeType))]),
        ResourceListingJsonContext.Default.ResourceListing);

    private static async Task<string> ReadAsync(McpServerConnection connection, string uri, CancellationToken cancellationToken)
    {
        try
        {
            using var call = FunctionCallScope.LinkCurrent(cancellationToken);
            return ToolResults.ToText(await connection.ReadResourceAsync(uri, call.Token));
        }
        catch (Exception ex) when (ex is McpException or InvalidOperationException or ArgumentException)
        {
            throw new McpToolErrorException(connection.Name, "resources/read", $"Server '{connection.Name}' could not read '{uri}': {ex.Message}", ex);
        }
    }
}
