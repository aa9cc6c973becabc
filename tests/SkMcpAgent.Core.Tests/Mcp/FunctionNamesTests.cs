using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Tests.Mcp;

public sealed class FunctionNamesTests
{
    [Theory]
    [InlineData("weather", "get_forecast", "weather_get_forecast")]
    [InlineData("my server", "list.files", "my_server_list_files")]
    [InlineData("café", "naïve/tool", "caf__na_ve_tool")]
    [InlineData("everything", "get-sum", "everything_get-sum")]
    public void ForTool_JoinsServerAndToolWithInvalidCharactersReplaced(string server, string tool, string expected) =>
        Assert.Equal(expected, FunctionNames.ForTool(server, tool));

    [Fact]
    public void Sanitize_KeepsLongNamesApart_WithinSixtyFourCharacters()
    {
        var first = FunctionNames.Sanitize(new string('a', 70) + "_one");
        var second = FunctionNames.Sanitize(new string('a', 70) + "_two");

        Assert.Equal(64, first.Length);
        Assert.Equal(64, second.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(first, FunctionNames.Sanitize(new string('a', 70) + "_one"));
    }

    [Fact]
    public void MakeUnique_AddsDeterministicSuffixes_WhenSanitisedNamesCollide()
    {
        var taken = new HashSet<string>();
        string[] toolNames = ["s_a.b", "s_a_b", "s_a b"];

        var names = toolNames.Select(n => FunctionNames.MakeUnique(FunctionNames.Sanitize(n), taken)).ToList();

        Assert.Equal(["s_a_b", "s_a_b_2", "s_a_b_3"], names);
    }

    [Fact]
    public void MakeUnique_StaysWithinSixtyFourCharacters_WhenSuffixed()
    {
        var name = new string('x', 64);
        var taken = new HashSet<string> { name };

        var unique = FunctionNames.MakeUnique(name, taken);

        Assert.Equal(new string('x', 62) + "_2", unique);
    }
}
