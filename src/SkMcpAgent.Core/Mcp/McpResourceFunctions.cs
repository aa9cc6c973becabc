using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// <c>list_resources</c> and <c>read_resource(uri)</c> in the server's plugin, so the model can pull a server's context
/// the way it calls tools.
/// </summary>
internal static class McpResourceFunctions
{
    private static readonly JsonSerializerOptions s_listingOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

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
            var listing = new
            {
                resources = resources.Select(static r => new { uri = r.Uri, name = r.Name, description = r.Description, mimeType = r.MimeType }),
                templates = templates.Select(static t => new { uriTemplate = t.UriTemplate, name = t.Name, description = t.Description, mimeType = t.MimeType }),
            };
            return JsonSerializer.Serialize(listing, s_listingOptions);
        }
        catch (Exception ex) when (ex is McpException or InvalidOperationException)
        {
            throw new McpToolErrorException(connection.Name, "resources/list", $"Server '{connection.Name}' could not list its resources: {ex.Message}", ex);
        }
    }

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
