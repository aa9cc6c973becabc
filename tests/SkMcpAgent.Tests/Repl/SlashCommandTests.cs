using SkMcpAgent.Repl;

namespace SkMcpAgent.Tests.Repl;

public sealed class SlashCommandTests
{
    [Theory]
    [InlineData("What is the weather?")]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/ tools")]
    [InlineData("//not a command")]
    [InlineData(null)]
    public void TryParse_ReturnsNull_ForQuestions(string? line)
    {
        Assert.Null(SlashCommand.TryParse(line));
    }

    [Fact]
    public void TryParse_LowersNameAndSplitsArguments()
    {
        var command = SlashCommand.TryParse("  /Tools weather  disk ");

        Assert.NotNull(command);
        Assert.Equal("tools", command.Name);
        Assert.Equal(["weather", "disk"], command.Arguments);
    }

    [Fact]
    public void TryParse_KeepsQuotedSpaces()
    {
        var command = SlashCommand.TryParse("/prompt greet name=\"Ada Lovelace\" 'x y'");

        Assert.NotNull(command);
        Assert.Equal(["greet", "name=Ada Lovelace", "x y"], command.Arguments);
    }

    [Fact]
    public void NamedArguments_SplitsOnFirstEquals_AndReportsOthers()
    {
        var command = SlashCommand.TryParse("/prompt greet name=Ada expr=a=b stray")!;

        var named = command.NamedArguments(1, out var invalid);

        Assert.Equal("Ada", named["name"]);
        Assert.Equal("a=b", named["expr"]);
        Assert.Equal(["stray"], invalid);
    }
}
