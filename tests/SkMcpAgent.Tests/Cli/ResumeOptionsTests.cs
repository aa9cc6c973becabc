using SkMcpAgent.Cli;

namespace SkMcpAgent.Tests.Cli;

public sealed class ResumeOptionsTests
{
    private readonly AgentCommandLine _commandLine = new();

    [Fact]
    public void Continue_WithAQuestion_IsSingleShotOnTheLatestConversation()
    {
        var chat = Assert.IsType<ChatCommand>(_commandLine.Parse(["--continue", "and", "tomorrow?"]));

        Assert.True(chat.Options.Continue);
        Assert.False(chat.Options.Resume);
        Assert.Equal("and tomorrow?", chat.Options.Question);
    }

    [Theory]
    [InlineData("--resume")]
    [InlineData("-r")]
    public void Resume_TakesAnIdBeforeTheQuestion(string option)
    {
        var chat = Assert.IsType<ChatCommand>(_commandLine.Parse([option, "3f2a", "and tomorrow?"]));

        Assert.True(chat.Options.Resume);
        Assert.Equal("3f2a", chat.Options.ResumeId);
        Assert.Equal("and tomorrow?", chat.Options.Question);
    }

    [Fact]
    public void Resume_WithoutAnId_PicksFromTheList()
    {
        var chat = Assert.IsType<ChatCommand>(_commandLine.Parse(["--resume", "--no-save"]));

        Assert.True(chat.Options.Resume);
        Assert.Null(chat.Options.ResumeId);
        Assert.Null(chat.Options.Question);
        Assert.True(chat.Options.NoSave);
    }

    [Fact]
    public void ContinueAndResume_Together_AreRefused()
    {
        var invalid = Assert.IsType<InvalidCommand>(_commandLine.Parse(["--continue", "--resume", "3f2a"]));

        Assert.Equal("Use --continue (the last conversation of this folder) or --resume (a given one), not both.", invalid.Message);
    }
}
