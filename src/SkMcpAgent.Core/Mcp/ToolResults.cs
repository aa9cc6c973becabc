using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace SkMcpAgent.Core.Mcp;

/// <summary>Turns MCP results into what a function returns to the model.</summary>
internal static class ToolResults
{
    /// <summary>
    /// Text-only results (the common case) become one string, which every provider sends as is. Results with
    /// images or other media become <see cref="AIContent"/>s, as the SDK's own <c>McpClientTool</c> returns them;
    /// a <c>resource_link</c> becomes a line with its name and URI (the SDK has no content for it), so the model
    /// can read it with the server's read_resource. A result with only structured content gives its JSON.
    /// </summary>
    public static object? ToFunctionResult(CallToolResult result)
    {
        if (result.Content.Count > 0 && result.Content.All(static c => c is TextContentBlock))
        {
            return JoinText(result.Content);
        }

        if (result.Content.Count == 0)
        {
            return result.StructuredContent?.GetRawText() ?? string.Empty;
        }

        return result.Content.Select(ToContent).Where(static c => c is not null).ToList();
    }

    private static AIContent? ToContent(ContentBlock block) => block switch
    {
        ResourceLinkBlock link => new TextContent(ResourceLinkText(link)),
        _ => block.ToAIContent(),
    };

    /// <summary>How a resource link reads to the model and on the console.</summary>
    public static string ResourceLinkText(ResourceLinkBlock link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var description = string.IsNullOrWhiteSpace(link.Description) ? string.Empty : $": {link.Description}";
        return $"[resource link: {link.Name} <{link.Uri}>{description}]";
    }

    /// <summary>The text of an <c>isError</c> result, for the model to read.</summary>
    public static string ErrorText(CallToolResult result)
    {
        var text = JoinText(result.Content.OfType<TextContentBlock>());
        return text.Length == 0 ? "The tool reported an error without a message." : text;
    }

    /// <summary>A resource's contents as text; binary parts are described, not dumped.</summary>
    public static string ToText(ReadResourceResult result) => string.Join(
        Environment.NewLine,
        result.Contents.Select(static c => c switch
        {
            TextResourceContents text => text.Text,
            BlobResourceContents blob => $"[binary {blob.MimeType ?? "data"} at {blob.Uri}, {blob.Blob.Length} base64 bytes]",
            _ => $"[{c.Uri}]",
        }));

    private static string JoinText(IEnumerable<ContentBlock> blocks) =>
        string.Join(Environment.NewLine, blocks.OfType<TextContentBlock>().Select(static t => t.Text));
}
