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

    [Fact]
    public void Arguments_ShowNonAsciiAndAngleBrackets_AsTyped()
    {
        using var document = JsonDocument.Parse("{\"city\":\"Z\\u00FCrich\",\"filter\":{\"q\":\"<b> & ü\"}}");
        var arguments = new Dictionary<string, object?>
        {
            ["city"] = document.RootElement.GetProperty("city").Clone(),
            ["filter"] = document.RootElement.GetProperty("filter").Clone(),
            ["note"] = "say \"hi\"",
        };

        Assert.Equal("city=\"Zürich\", filter={\"q\":\"<b> & ü\"}, note=\"say \\\"hi\\\"\"", TextSummary.Arguments(arguments));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Arguments_CutNeverSplitsAnEscapeOrASurrogatePair(int padding)
    {
        // The cut point walks across an escaped quote, an escaped backslash and an emoji as the padding grows.
        var value = new string('a', 30 + padding) + "\"\\😀\"\\😀\"\\😀";
        var arguments = new Dictionary<string, object?> { ["v"] = value };

        var summary = TextSummary.Arguments(arguments);

        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        var body = summary[..^1];
        var trailingBackslashes = body.Length - body.TrimEnd('\\').Length;
        Assert.True(trailingBackslashes % 2 == 0, summary);
        Assert.False(char.IsHighSurrogate(body[^1]), summary);
        Assert.DoesNotMatch(@"\\u[0-9A-Fa-f]{0,3}$", body);
    }

    [Theory]
    [InlineData(850, "850 ms")]
    [InlineData(1260, "1.3 s")]
    public void Duration_IsReadable(int milliseconds, string expected)
    {
        Assert.Equal(expected, TextSummary.Duration(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
