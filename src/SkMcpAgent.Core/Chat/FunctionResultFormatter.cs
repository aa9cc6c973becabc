using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Serialization;

namespace SkMcpAgent.Core.Chat;

/// <summary>
/// Turns whatever a function returned into the one string the model sees. MCP tools return a serialised
/// <c>CallToolResult</c> (a <see cref="JsonElement"/>): its text blocks are joined, and its structured content is
/// used when there is no text. Local functions return strings, AI contents or other values, written as JSON through
/// source-generated contracts only (<see cref="RuntimeValueConverter"/> says how types none knows are written).
/// </summary>
public static class FunctionResultFormatter
{
    public const string NoOutput = "(no output)";

    // Compact: indentation costs the model tokens and tells it nothing.
    private static readonly JsonSerializerOptions s_options = CreateOptions();

    public static string Format(object? result) => result switch
    {
        null => NoOutput,
        string text => text,
        JsonElement element => FormatJson(element),
        CallToolResult toolResult => FormatJson(JsonSerializer.SerializeToElement(toolResult, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult)))),
        AIContent content => FormatContent(content),
        IEnumerable<AIContent> contents => string.Join('\n', contents.Select(FormatContent)),
        _ => JsonSerializer.Serialize(result, s_options.TypeInfo<object>()),
    };

    /// <summary>True when the result is an MCP tool result flagged <c>isError</c>.</summary>
    public static bool IsToolError(object? result) => result switch
    {
        CallToolResult toolResult => toolResult.IsError == true,
        JsonElement { ValueKind: JsonValueKind.Object } element =>
            element.TryGetProperty("content", out _) &&
            element.TryGetProperty("isError", out var isError) && isError.ValueKind == JsonValueKind.True,
        _ => false,
    };

    private static string FormatContent(AIContent content) => content switch
    {
        TextContent text => text.Text,
        DataContent data => $"[{data.MediaType} data, {data.Data.Length} bytes]",
        UriContent uri => uri.Uri.ToString(),
        _ => JsonSerializer.Serialize(content, s_options.TypeInfo<AIContent>()),
    };

    private static string FormatJson(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() ?? string.Empty;
        }

        if (element.ValueKind != JsonValueKind.Object ||
            !element.TryGetProperty("content", out var blocks) || blocks.ValueKind != JsonValueKind.Array)
        {
            return element.GetRawText();
        }

        var text = new StringBuilder();
        foreach (var block in blocks.EnumerateArray())
        {
            if (FormatBlock(block) is { } part)
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(part);
            }
        }

        if (text.Length == 0 && element.TryGetProperty("structuredContent", out var structured) &&
            structured.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return structured.GetRawText();
        }

        return text.Length == 0 ? NoOutput : text.ToString();
    }

    private static string? FormatBlock(JsonElement block)
    {
        var type = block.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type switch
        {
            "text" => Property(block, "text"),
            "image" or "audio" => $"[{type}: {Property(block, "mimeType") ?? "unknown type"}]",
            "resource_link" => $"[resource link: {Property(block, "name")} <{Property(block, "uri")}>]",
            "resource" when block.TryGetProperty("resource", out var resource) =>
                Property(resource, "text") ?? $"[resource: {Property(resource, "uri")}]",
            _ => block.GetRawText(),
        };
    }

    // Any value by its run-time type, through source-generated contracts only (the agent's code stays NativeAOT-correct).
    private static JsonSerializerOptions CreateOptions() =>
        RuntimeJson.CreateOptions(new JsonSerializerOptions(AIJsonUtilities.DefaultOptions) { WriteIndented = false }, null);

    private static string? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
