using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace DiskServer.Tests.Support;

/// <summary>Reads what a user of a tool result would look at: its text, its error flag, its structured content.</summary>
internal static class ToolResults
{
    public static string Text(this CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(static t => t.Text));

    public static JsonElement Structured(this CallToolResult result)
    {
        Assert.True(result.IsError is null or false, $"The tool failed: {result.Text()}");
        return Assert.IsType<JsonElement>(result.StructuredContent);
    }

    /// <summary>Asserts the call failed as a tool error and returns the message the model reads.</summary>
    public static string ErrorText(this CallToolResult result)
    {
        Assert.True(result.IsError, $"Expected a tool error but got: {result.Text()}");
        return result.Text();
    }
}
