using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Tests.Mcp;

public sealed class ToolResultsTests
{
    [Fact]
    public void ToFunctionResult_JoinsTextBlocks_AsPlainText()
    {
        var result = new CallToolResult { Content = [new TextContentBlock { Text = "The sum of 2 and 3 is 5." }, new TextContentBlock { Text = "Done." }] };

        Assert.Equal($"The sum of 2 and 3 is 5.{Environment.NewLine}Done.", ToolResults.ToFunctionResult(result));
    }

    [Fact]
    public void ToFunctionResult_KeepsResourceLinks_AsTheirNameAndUri()
    {
        var result = new CallToolResult
        {
            Content =
            [
                new TextContentBlock { Text = "Two documents:" },
                new ResourceLinkBlock { Uri = "demo://resource/static/document/1.md", Name = "Document 1", Description = "the first" },
                new ResourceLinkBlock { Uri = "demo://resource/static/document/2.md", Name = "Document 2" },
            ],
        };

        var text = FunctionResultFormatter.Format(ToolResults.ToFunctionResult(result));

        Assert.Equal(
            "Two documents:\n[resource link: Document 1 <demo://resource/static/document/1.md>: the first]\n[resource link: Document 2 <demo://resource/static/document/2.md>]",
            text);
    }

    [Fact]
    public void ToFunctionResult_GivesStructuredContent_WhenThereIsNoContent()
    {
        var structured = JsonDocument.Parse("""{"temperature":22.5,"conditions":"sunny"}""").RootElement.Clone();
        var result = new CallToolResult { Content = [], StructuredContent = structured };

        Assert.Equal("""{"temperature":22.5,"conditions":"sunny"}""", ToolResults.ToFunctionResult(result));
    }

    [Fact]
    public void ToFunctionResult_DescribesImages_WithoutDumpingTheirBytes()
    {
        var result = new CallToolResult { Content = [new TextContentBlock { Text = "A pixel:" }, ImageContentBlock.FromBytes(new byte[] { 1, 2, 3 }, "image/png")] };

        var contents = Assert.IsType<List<AIContent>>(ToolResults.ToFunctionResult(result));
        Assert.Equal("A pixel:\n[image/png data, 3 bytes]", FunctionResultFormatter.Format(contents));
    }
}
