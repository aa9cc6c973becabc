using System.Text.Json;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Tests.Rendering;

public sealed class TextSummaryTests
{
    [Fact]
    public void OneLine_FlattensAndCuts()
    {
        Assert.Equal("a b c", TextSummary.OneLine("a\n  b\r\nc"));
        Assert.Equal("abcd…", TextSummary.OneLine("abcdefgh", 5));
    }

    [Fact]
    public void Arguments_FormatsStringsNumbersAndJson()
    {
        using var document = JsonDocument.Parse("{\"s\":\"x\",\"n\":2}");
        var arguments = new Dictionary<string, object?>
        {
            ["path"] = "/tmp",
            ["top"] = 5,
            ["s"] = document.RootElement.GetProperty("s").Clone(),
            ["n"] = document.RootElement.GetProperty("n").Clone(),
            ["none"] = null,
        };

        Assert.Equal("path=\"/tmp\", top=5, s=\"x\", n=2, none=null", TextSummary.Arguments(arguments));
    }

    [Theory]
    [InlineData(850, "850 ms")]
    [InlineData(1260, "1.3 s")]
    public void Duration_IsReadable(int milliseconds, string expected)
    {
        Assert.Equal(expected, TextSummary.Duration(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
