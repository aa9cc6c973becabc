using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Chat;

namespace SkMcpAgent.Core.Tests.Chat;

public sealed class FunctionResultFormatterTests
{
    [Fact]
    public void Format_JoinsTextBlocks_OfSerialisedMcpResult()
    {
        var result = Parse("""{"content":[{"type":"text","text":"line 1"},{"type":"image","data":"AA==","mimeType":"image/png"},{"type":"text","text":"line 2"}],"isError":false}""");

        Assert.Equal("line 1\n[image: image/png]\nline 2", FunctionResultFormatter.Format(result));
    }

    [Fact]
    public void Format_UsesStructuredContent_WhenThereIsNoText()
    {
        var result = Parse("""{"content":[],"structuredContent":{"temperature":21}}""");

        Assert.Equal("""{"temperature":21}""", FunctionResultFormatter.Format(result));
    }

    [Fact]
    public void Format_ReadsCallToolResultObjects()
    {
        var result = new CallToolResult { Content = [new TextContentBlock { Text = "42 GB free" }] };

        Assert.Equal("42 GB free", FunctionResultFormatter.Format(result));
    }

    [Fact]
    public void Format_HandlesStringsContentsAndOtherValues()
    {
        Assert.Equal("plain", FunctionResultFormatter.Format("plain"));
        Assert.Equal("quoted", FunctionResultFormatter.Format(Parse("\"quoted\"")));
        Assert.Equal("a\nb", FunctionResultFormatter.Format(new List<AIContent> { new TextContent("a"), new TextContent("b") }));
        Assert.Equal("""{"free":3}""", FunctionResultFormatter.Format(new Dictionary<string, int> { ["free"] = 3 }));
        Assert.Equal("7", FunctionResultFormatter.Format(7));
        Assert.Equal(FunctionResultFormatter.NoOutput, FunctionResultFormatter.Format(null));
    }

    [Fact]
    public void Format_ValuesNoSourceGeneratedContractKnows_AreWrittenWithoutReflection()
    {
        // The NativeAOT executable has no reflection-based serializer: sequences item by item, other objects as text.
        Assert.Equal("[1,2]", FunctionResultFormatter.Format(new Queue<int>([1, 2])));
        Assert.Equal("""{"at":"Zürich","sizes":[3]}""", FunctionResultFormatter.Format(new SortedList<string, object> { ["at"] = "Zürich", ["sizes"] = new List<long> { 3 } }));
        Assert.Equal("\"Reading { Celsius = 21 }\"", FunctionResultFormatter.Format(new Reading(21)));
    }

    private sealed record Reading(int Celsius);

    [Fact]
    public void IsToolError_IsTrue_OnlyForFlaggedMcpResults()
    {
        Assert.True(FunctionResultFormatter.IsToolError(Parse("""{"content":[],"isError":true}""")));
        Assert.False(FunctionResultFormatter.IsToolError(Parse("""{"content":[],"isError":false}""")));
        Assert.False(FunctionResultFormatter.IsToolError(Parse("""{"isError":true}""")));
        Assert.True(FunctionResultFormatter.IsToolError(new CallToolResult { IsError = true }));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
