using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace SkMcpAgent.Core.Mcp;

/// <summary>Turns MCP results into what a function returns to the model.</summary>
internal static class ToolResults
{
    /// <summary>
    /// Text-only results (the common case) become one string, which every provider sends as is. Results with
    /// images or other media become <see cref="AIContent"/>s, as the SDK's own <c>McpClientTool</c> returns them.
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

        return result.Content.Select(static c => c.ToAIContent()).Where(static c => c is not null).ToList();
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
