using System.Text.Json;
using Microsoft.Extensions.AI;
using Spectre.Console;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Output;

namespace SkMcpAgent.Rendering;

/// <summary>Servers with their state and functions (name, description, parameters), as text or as JSON.</summary>
public static class ToolListRenderer
{
    /// <summary>Each server with its functions, named as the model sees them (<c>plugin_function</c>).</summary>
    public static void Render(Terminal terminal, McpServerHub hub, IEnumerable<McpServerConnection> servers, bool details = true)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(servers);
        foreach (var server in servers)
        {
            terminal.WriteOutMarkupLine(ServerLine(server));
            if (server.State is not (ServerState.Ready or ServerState.Restarting))
            {
                continue;
            }

            foreach (var function in hub.GetFunctions(server))
            {
                RenderFunction(terminal, function, details);
            }
        }
    }

    /// <summary>One function: its name and description, then (with details) a line per parameter.</summary>
    public static void RenderFunction(Terminal terminal, AIFunction function, bool details = true)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(function);
        terminal.WriteOutMarkupLine($"  [bold]{Markup.Escape(function.Name)}[/]  {Markup.Escape(TextSummary.OneLine(function.Description, 160))}");
        if (!details)
        {
            return;
        }

        foreach (var parameter in Parameters(function))
        {
            var required = parameter.Required ? "required" : "optional";
            var description = string.IsNullOrEmpty(parameter.Description) ? string.Empty : ": " + TextSummary.OneLine(parameter.Description, 120);
            terminal.WriteOutMarkupLine($"      [grey]{Markup.Escape(parameter.Name)} ({Markup.Escape(parameter.Type)}, {required}){Markup.Escape(description)}[/]");
        }
    }

    public static string ServerLine(McpServerConnection server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var name = Markup.Escape(server.Name);
        return server.State switch
        {
            ServerState.Ready => $"[green]●[/] [bold]{name}[/] ready, {EventRenderer.Plural(server.Functions.Count, "function")}",
            ServerState.Failed => $"[red]✗[/] [bold]{name}[/] failed: {Markup.Escape(server.FailureReason ?? "unknown reason")}",
            ServerState.Disabled => $"[grey]○ {name} disabled[/]",
            ServerState.Restarting => $"[yellow]↻[/] [bold]{name}[/] restarting",
            _ => $"[yellow]…[/] [bold]{name}[/] connecting",
        };
    }

    /// <summary>The JSON shape of <c>tools --json</c>.</summary>
    public static JsonToolList ToJson(McpServerHub hub, IEnumerable<McpServerConnection> servers) => new(
    [
        .. servers.Select(s => new JsonToolServer(
            s.Name,
            s.State.ToString().ToLowerInvariant(),
            s.State == ServerState.Failed ? s.FailureReason : null,
            s.State is ServerState.Ready or ServerState.Restarting
                ? [.. hub.GetFunctions(s).Select(static f => new JsonToolFunction(f.Name, f.Description, f.JsonSchema))]
                : [])),
    ]);

    public sealed record Parameter(string Name, string Type, bool Required, string? Description);

    public static IReadOnlyList<Parameter> Parameters(AIFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var schema = function.JsonSchema;
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var required = schema.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(static e => e.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        return properties.EnumerateObject().Select(p => new Parameter(
            p.Name,
            p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("type", out var type) ? TypeName(type) : "any",
            required.Contains(p.Name),
            p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null)).ToList();
    }

    private static string TypeName(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => type.GetString() ?? "any",
        JsonValueKind.Array => string.Join("|", type.EnumerateArray().Select(static t => t.ToString())),
        _ => "any",
    };
}
