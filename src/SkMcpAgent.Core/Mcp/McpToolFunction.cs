using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// An MCP tool as a function: its sanitised name, with the server's description and input schema unchanged. The
/// kernel sees it as a <c>KernelFunction</c> of the server's plugin (<see cref="Plugins.McpServerPlugin"/>).
/// Unlike the SDK's <c>McpClientTool</c>, which is bound to one client, it reaches the connection's current client
/// at call time, so it keeps working after the server was restarted.
/// </summary>
internal sealed class McpToolFunction : AIFunction
{
    private readonly McpServerConnection _connection;
    private readonly Tool _tool;

    public McpToolFunction(McpServerConnection connection, Tool tool, string name)
    {
        _connection = connection;
        _tool = tool;
        Name = name;
        JsonSchema = JsonSchemaRefs.Inline(tool.InputSchema);
        AdditionalProperties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [FunctionMetadata.ServerKey] = connection.Name,
            [FunctionMetadata.ToolKey] = tool.Name,
        };
    }

    public override string Name { get; }

    public override string Description => _tool.Description ?? string.Empty;

    /// <summary>The server's input schema, with local <c>$ref</c>s inlined (SK keeps only the parameters' schemas).</summary>
    public override JsonElement JsonSchema { get; }

    public override JsonElement? ReturnJsonSchema => _tool.OutputSchema;

    public override JsonSerializerOptions JsonSerializerOptions => McpJsonUtilities.DefaultOptions;

    public override IReadOnlyDictionary<string, object?> AdditionalProperties { get; }

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var scope = FunctionCallScope.Current;
        var progress = scope is null ? null : new ScopeProgress(scope);
        using var call = FunctionCallScope.LinkCurrent(cancellationToken);
        var result = await _connection.CallToolAsync(_tool.Name, arguments, progress, call.Token);
        return ToolResults.ToFunctionResult(result);
    }
}
