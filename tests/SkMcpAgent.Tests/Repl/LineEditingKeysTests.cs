using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Repl;

/// <summary>The REPL's line editor driven by key presses, as a user types them (readline keys, Ctrl+C, history).</summary>
public sealed class LineEditingKeysTests
{
    [Fact]
    public async Task CtrlU_DeletesWhatWasTyped_BeforeTheRealQuestion()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        var keys = new ScriptedKeys().Type("abc").Control(ConsoleKey.U).Type("hello").Enter().Control(ConsoleKey.D);

        var exitCode = await harness.RunWithKeysAsync(keys);

        Assert.Equal(0, exitCode);
        Assert.Equal(["hello"], harness.Questions);
    }

    [Fact]
    public async Task CtrlC_WithText_ClearsTheLine_AndTheSessionGoesOn()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        var keys = new ScriptedKeys().Type("draft").Control(ConsoleKey.C).Type("real").Enter().Type("second").Enter().Control(ConsoleKey.D);

        var exitCode = await harness.RunWithKeysAsync(keys);

        Assert.Equal(0, exitCode);
        Assert.Equal(["real", "second"], harness.Questions);
    }

    [Fact]
    public async Task CtrlC_AtAnEmptyPrompt_Exits()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        var keys = new ScriptedKeys().Type("one").Enter().Control(ConsoleKey.C).Type("never asked").Enter();

        var exitCode = await harness.RunWithKeysAsync(keys);

        Assert.Equal(0, exitCode);
        Assert.Equal(["one"], harness.Questions);
    }

    [Fact]
    public async Task UpArrow_RecallsThePreviousLine()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        var keys = new ScriptedKeys().Type("first").Enter().Type("second").Enter()
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow).Enter()
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.DownArrow).Type("x").Enter()
            .Control(ConsoleKey.D);

        var exitCode = await harness.RunWithKeysAsync(keys);

        Assert.Equal(0, exitCode);
        Assert.Equal("first", harness.Questions[2]);
        Assert.Equal(4, harness.Questions.Count);
        Assert.EndsWith("x", harness.Questions[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CtrlA_CtrlE_CtrlW_CtrlK_EditLikeReadline()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        var keys = new ScriptedKeys()
            .Type("big world").Control(ConsoleKey.A).Type("hello ")   // "hello big world"
            .Control(ConsoleKey.E).Control(ConsoleKey.W).Type("there") // "hello big there"
            .Control(ConsoleKey.A).Press(ConsoleKey.RightArrow).Press(ConsoleKey.RightArrow).Press(ConsoleKey.RightArrow)
            .Press(ConsoleKey.RightArrow).Press(ConsoleKey.RightArrow).Control(ConsoleKey.K) // "hello"
            .Enter().Control(ConsoleKey.D);

        var exitCode = await harness.RunWithKeysAsync(keys);

        Assert.Equal(0, exitCode);
        Assert.Equal(["hello"], harness.Questions);
    }
}
