using SkMcpAgent.Cli;
using SkMcpAgent.Core.Approval;

namespace SkMcpAgent.Tests.Cli;

public sealed class AgentCommandLineTests
{
    private readonly AgentCommandLine _commandLine = new();

    [Fact]
    public void Parse_JoinsWords_WhenQuestionIsPositional()
    {
        var command = _commandLine.Parse(["How", "full", "is", "my", "disk?"]);

        var chat = Assert.IsType<ChatCommand>(command);
        Assert.Equal("How full is my disk?", chat.Options.Question);
    }

    [Fact]
    public void Parse_ReadsPromptOption_WhenGivenWithShortName()
    {
        var command = _commandLine.Parse(["-p", "Any alerts?", "--json", "--quiet"]);

        var chat = Assert.IsType<ChatCommand>(command);
        Assert.Equal("Any alerts?", chat.Options.Question);
        Assert.True(chat.Options.Json);
        Assert.True(chat.Options.Quiet);
    }

    [Fact]
    public void Parse_HasNoQuestion_WhenNoArguments()
    {
        var chat = Assert.IsType<ChatCommand>(_commandLine.Parse([]));

        Assert.Null(chat.Options.Question);
        Assert.False(chat.Options.Interactive);
    }

    [Fact]
    public void Parse_ReadsEveryOption_WhenAllAreGiven()
    {
        var chat = Assert.IsType<ChatCommand>(_commandLine.Parse(
        [
            "--env-file", ".env.claude", "--config", "my.json", "--max-rounds", "4", "--approve", "ask",
            "--system", "Be brief.", "--verbose", "--no-color", "--interactive",
        ]));

        var options = chat.Options;
        Assert.Equal(".env.claude", options.EnvFile);
        Assert.Equal("my.json", options.ConfigFile);
        Assert.Equal(4, options.MaxRounds);
        Assert.Equal(ApprovalMode.Ask, options.Approve);
        Assert.Equal("Be brief.", options.SystemPrompt);
        Assert.True(options.Verbose);
        Assert.True(options.NoColor);
        Assert.True(options.Interactive);
    }

    [Fact]
    public void Parse_ReturnsTools_WithServerAndGlobalOptions()
    {
        var tools = Assert.IsType<ToolsCommand>(_commandLine.Parse(["tools", "weather", "--json", "--config", "x.json"]));

        Assert.Equal("weather", tools.Server);
        Assert.True(tools.Options.Json);
        Assert.Equal("x.json", tools.Options.ConfigFile);
    }

    [Fact]
    public void Parse_ReturnsCall_WithFunctionAndArguments()
    {
        var call = Assert.IsType<CallCommand>(_commandLine.Parse(["call", "disk_get_disk_usage", "--args", "{\"path\":\"/\"}"]));

        Assert.Equal("disk_get_disk_usage", call.Function);
        Assert.Equal("{\"path\":\"/\"}", call.ArgumentsJson);
    }

    [Fact]
    public void Parse_IsInvalid_WhenCallHasNoFunction()
    {
        var invalid = Assert.IsType<InvalidCommand>(_commandLine.Parse(["call"]));

        Assert.Contains("Required argument missing for command: 'call'", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--approve", "sometimes", "sometimes")]
    [InlineData("--max-rounds", "0", "--max-rounds must be a whole number, 1 or more (not '0').")]
    [InlineData("--max-rounds", "many", "--max-rounds must be a whole number, 1 or more (not 'many').")]
    [InlineData("--tool-timeout", "soon", "--tool-timeout must be a number of seconds, 0 or more (0 for no limit), not 'soon'.")]
    [InlineData("--bogus", "x", "Unknown option '--bogus'")]
    public void Parse_IsInvalid_WithMessageNamingTheProblem(string option, string value, string expected)
    {
        var invalid = Assert.IsType<InvalidCommand>(_commandLine.Parse([option, value]));

        Assert.Contains(expected, invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "q" }, OutputFormat.Text)]
    [InlineData(new[] { "q", "--json" }, OutputFormat.Json)]
    [InlineData(new[] { "q", "--output-format", "json" }, OutputFormat.Json)]
    [InlineData(new[] { "q", "--output-format", "stream-json" }, OutputFormat.StreamJson)]
    [InlineData(new[] { "q", "--output-format", "text" }, OutputFormat.Text)]
    public void Parse_ReadsTheOutputFormat(string[] args, OutputFormat expected)
    {
        var chat = Assert.IsType<ChatCommand>(_commandLine.Parse(args));

        Assert.Equal(expected, chat.Options.Format);
    }

    [Fact]
    public void Parse_ReadsTheModel()
    {
        var chat = Assert.IsType<ChatCommand>(_commandLine.Parse(["q", "--model", "gpt-4.1"]));

        Assert.Equal("gpt-4.1", chat.Options.Model);
    }

    [Fact]
    public void Parse_UnknownOutputFormat_IsInvalid_AndNamesTheChoices()
    {
        var invalid = Assert.IsType<InvalidCommand>(_commandLine.Parse(["q", "--output-format", "yaml"]));

        Assert.Contains("yaml", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("stream-json", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-rounds", "x")]
    [InlineData("--tool-timeout", "x")]
    public void Parse_NonNumber_NeverNamesTheClrType(string option, string value)
    {
        var invalid = Assert.IsType<InvalidCommand>(_commandLine.Parse([option, value]));

        Assert.DoesNotContain("System.", invalid.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expected type", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AcceptsDashWords_AfterDoubleDash()
    {
        var chat = Assert.IsType<ChatCommand>(_commandLine.Parse(["--", "-5", "degrees?"]));

        Assert.Equal("-5 degrees?", chat.Options.Question);
    }

    [Fact]
    public void Parse_IsInvalid_WhenBothWordsAndPromptAreGiven()
    {
        var invalid = Assert.IsType<InvalidCommand>(_commandLine.Parse(["hello", "-p", "world"]));

        Assert.Equal("Give the question either as words or with --prompt, not both.", invalid.Message);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("-h")]
    public void Parse_ReturnsInformation_ForHelpAndVersion(string option)
    {
        Assert.IsType<InformationCommand>(_commandLine.Parse([option]));
    }

    [Fact]
    public void Help_ListsExamplesExitCodesAndEnvironmentPrecedence()
    {
        var output = new StringWriter();
        var result = _commandLine.ParseRaw(["--help"]);

        result.Invoke(new System.CommandLine.InvocationConfiguration { Output = output });

        var help = output.ToString();
        Assert.Contains("--env-file", help, StringComparison.Ordinal);
        Assert.Contains("Variables already set in the", help, StringComparison.Ordinal);
        Assert.Contains("130  cancelled", help, StringComparison.Ordinal);
        Assert.Contains("2    usage or configuration error", help, StringComparison.Ordinal);
        Assert.Contains("SkMcpAgent tools", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AUTO", ApprovalMode.Auto)]
    [InlineData("ask", ApprovalMode.Ask)]
    [InlineData("Deny", ApprovalMode.Deny)]
    [InlineData("maybe", null)]
    public void ParseApprovalMode_IgnoresCase(string text, ApprovalMode? expected)
    {
        Assert.Equal(expected, AgentCommandLine.ParseApprovalMode(text));
    }

    [Theory]
    [InlineData("2.5", 2500)]
    [InlineData("0", -1)]
    public void Parse_ReadsToolTimeout_ForCall_WhenGivenInSeconds(string seconds, int expectedMilliseconds)
    {
        var call = Assert.IsType<CallCommand>(_commandLine.Parse(["call", "disk_get_disk_usage", "--tool-timeout", seconds]));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), call.Options.ToolTimeout);
    }

    [Fact]
    public void Parse_LeavesToolTimeoutToTheDefault_WhenNotGiven()
    {
        var chat = Assert.IsType<ChatCommand>(_commandLine.Parse(["hello"]));

        Assert.Null(chat.Options.ToolTimeout);
    }

    [Fact]
    public void Parse_RejectsToolTimeout_WhenNegative()
    {
        var invalid = Assert.IsType<InvalidCommand>(_commandLine.Parse(["call", "x", "--tool-timeout", "-1"]));

        Assert.Contains("--tool-timeout", invalid.Message, StringComparison.Ordinal);
    }
}
