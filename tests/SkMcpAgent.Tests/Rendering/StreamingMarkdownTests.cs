using SkMcpAgent.Rendering;
using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Rendering;

public sealed class StreamingMarkdownTests
{
    private const string Answer = """
        # Disk report

        The root volume is **85% full**, which is *high*; run `du -sh` to see ~~nothing~~ more.

        1. First step
        2. Second step
           - nested point
           - another
        3. Third step

        ```bash
        df -h /
        echo done
        ```

        > Quoted advice
        > on two lines

        See [the docs](https://example.com/docs) or <https://example.com>.

        | Volume | Used | Free |
        |:-------|-----:|:----:|
        | /      | 85%  | 10 GB |
        | /home  | 5%   | 200 GB |

        ---

        Done.
        """;

    [Fact]
    public void Complete_RendersEveryElement_WhenAnswerIsMarkdown()
    {
        var screen = Render([Answer]);

        Assert.Contains("Disk report", screen.Rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain("#", screen.Rows[0], StringComparison.Ordinal);
        Assert.Contains("The root volume is 85% full, which is high; run du -sh to see nothing more.", screen.Text, StringComparison.Ordinal);
        Assert.Contains("1. First step", screen.Rows);
        Assert.Contains("2. Second step", screen.Rows);
        Assert.Contains("   ◦ nested point", screen.Rows);
        Assert.Contains("3. Third step", screen.Rows);
        Assert.Contains("bash", screen.Rows);
        Assert.Contains("│ df -h /", screen.Rows);
        Assert.Contains("│ echo done", screen.Rows);
        Assert.DoesNotContain(screen.Rows, static r => r.Contains("```", StringComparison.Ordinal));
        Assert.Contains("▌ Quoted advice", screen.Rows);
        Assert.Contains("See the docs (https://example.com/docs) or https://example.com.", screen.Rows);
        Assert.Contains(screen.Rows, static r => r.StartsWith("────", StringComparison.Ordinal));
        Assert.Equal("Done.", screen.Rows[^1]);
    }

    [Fact]
    public void Complete_SeparatesBlocksByOneBlankRow_WhateverTheBlock()
    {
        var rows = Render([Answer]).Rows.ToList();

        for (var i = 1; i < rows.Count; i++)
        {
            Assert.False(rows[i].Length == 0 && rows[i - 1].Length == 0, $"two blank rows before row {i}:\n{string.Join('\n', rows)}");
        }

        Assert.Equal(string.Empty, rows[rows.IndexOf("│ echo done") + 1]);
        Assert.Equal("Done.", rows[^1]);
    }

    [Fact]
    public void Complete_AlignsTableColumns_AsTheDelimiterRowSays()
    {
        var screen = Render([Answer]);

        var rows = screen.Rows.Where(static r => r.StartsWith('│') && r.Contains('%', StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        // Left-aligned first column, right-aligned second: the cells' edges line up.
        Assert.Equal(rows[0].IndexOf("/ ", StringComparison.Ordinal), rows[1].IndexOf("/home", StringComparison.Ordinal));
        Assert.Equal(rows[0].IndexOf("85%", StringComparison.Ordinal) + 3, rows[1].IndexOf("5%", StringComparison.Ordinal) + 2);
        var header = screen.Rows.Single(static r => r.Contains("Volume", StringComparison.Ordinal));
        Assert.Contains("Used", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    public void Write_EndsOnTheSameScreen_WhenAnswerArrivesInPieces(int pieceLength)
    {
        var pieces = Enumerable.Range(0, (Answer.Length + pieceLength - 1) / pieceLength)
            .Select(i => Answer.Substring(i * pieceLength, Math.Min(pieceLength, Answer.Length - (i * pieceLength))))
            .ToList();

        Assert.Equal(Render([Answer]).Rows, Render(pieces).Rows);
    }

    [Fact]
    public void Write_ShowsUnfinishedParagraphPlainly_BeforeItIsComplete()
    {
        var (terminal, recording) = ColourTerminal();
        var markdown = new StreamingMarkdown(terminal);

        markdown.Write("# Title\n\nSome **bold");

        var screen = new VirtualScreen(recording.Output);
        Assert.Equal(["Title", string.Empty, "Some **bold"], screen.Rows);
        markdown.Write(" text** here.\n\nNext");
        Assert.Equal(["Title", string.Empty, "Some bold text here.", string.Empty, "Next"], new VirtualScreen(recording.Output).Rows);
    }

    [Fact]
    public void Write_ErasesWrappedTail_WhenItsBlockCompletes()
    {
        var (terminal, recording) = ColourTerminal();
        var markdown = new StreamingMarkdown(terminal);
        var longLine = string.Join(' ', Enumerable.Repeat("word", 50));

        markdown.Write("*" + longLine);
        markdown.Write("*\n\n");
        markdown.Complete();

        var screen = new VirtualScreen(recording.Output);
        Assert.DoesNotContain(screen.Rows, static r => r.Contains('*', StringComparison.Ordinal));
        Assert.Equal(longLine, string.Join(' ', screen.Rows));
    }

    [Fact]
    public void Write_ReplacesTail_WhenTheModelWritesCrLfAndTabs()
    {
        var screen = Render(["Line\tone\r\n", "line **two**\r\n", "\r\n", "Next"]);

        Assert.Equal(["Line    one", "line two", string.Empty, "Next"], screen.Rows);
    }

    [Fact]
    public void Write_PutsErrorLineBeforeTheAnswer_WhenAFunctionCallIsTracedMidParagraph()
    {
        var (terminal, recording) = ColourTerminal(errorIsTerminal: true);
        var markdown = new StreamingMarkdown(terminal);

        markdown.Write("Let me check.");
        terminal.WriteErrMarkupLine("→ disk_get_os_info()");
        markdown.Write(" It is **Linux**.");
        markdown.Complete();

        // stdout and stderr share the screen here, as on a terminal.
        Assert.Equal(["→ disk_get_os_info()", "Let me check. It is Linux."], new VirtualScreen(recording.Output).Rows);
    }

    [Fact]
    public void Write_KeepsTallBlockPlain_WhenItOutgrowsTheScreen()
    {
        var (terminal, recording) = ColourTerminal();
        var markdown = new StreamingMarkdown(terminal);
        var code = "```\n" + string.Concat(Enumerable.Range(1, 40).Select(static i => $"line {i}\n")) + "```\n";

        foreach (var line in code.Split('\n'))
        {
            markdown.Write(line + "\n");
        }

        markdown.Complete();

        var rows = new VirtualScreen(recording.Output).Rows;
        Assert.Equal("```", rows[0]);
        Assert.Equal(Enumerable.Range(1, 40).Select(static i => $"line {i}"), rows.Skip(1).Take(40));
        Assert.Single(rows, static r => r == "line 40");
    }

    [Theory]
    [InlineData("\u001b]0;pwned\u0007")]
    [InlineData("\u001b]52;c;ZWNobyBoaQ==\u0007")]
    [InlineData("\u001b[2J\u001b[H")]
    [InlineData("\u009b31m")]
    public void Write_LeavesNoControlCharacters_InAnyElement(string hostile)
    {
        var markdown = $"""
            # H{hostile}

            p{hostile} **b{hostile}** `c{hostile}` [l{hostile}](https://x/{hostile})

            - i{hostile}

            ```py{hostile}
            code{hostile}
            ```

            > q{hostile}

            | a{hostile} | b |
            |---|---|
            | c{hostile} | d |
            """;

        // VirtualScreen fails on any raw control character or unexpected escape sequence.
        var screen = Render([markdown]);
        Assert.Contains(TerminalText.Sanitize(hostile), screen.Text, StringComparison.Ordinal);
    }

    private static VirtualScreen Render(IEnumerable<string> pieces)
    {
        var (terminal, recording) = ColourTerminal();
        var markdown = new StreamingMarkdown(terminal);
        foreach (var piece in pieces)
        {
            markdown.Write(piece);
        }

        markdown.Complete();
        return new VirtualScreen(recording.Output);
    }

    private static (Terminal Terminal, RecordingHost Recording) ColourTerminal(bool errorIsTerminal = false)
    {
        var recording = new RecordingHost(outputIsTerminal: true, errorIsTerminal: errorIsTerminal);
        return (new Terminal(recording.Host, noColor: false, quiet: false, verbose: false), recording);
    }
}
