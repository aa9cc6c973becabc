using System.Text;
using Markdig.Syntax;
using Spectre.Console;
using Spectre.Console.Rendering;
using SkMcpAgent.Rendering.Markdown;

namespace SkMcpAgent.Rendering;

/// <summary>
/// Renders a streamed answer as markdown on a colour terminal while it streams.
/// </summary>
/// <remarks>
/// Markdown cannot be rendered piece by piece: whether <c>**</c> opens bold, a line is a table row or a <c>```</c>
/// starts code is known only later. So the answer is cut into blocks as Markdig sees them, and each block is
/// rendered once, when it is complete: a paragraph at its blank line, a heading or a rule at its line end, a code
/// block at its closing fence, a table or a list when something after it starts (or the answer ends). Until then
/// its text is shown as it arrives, plainly (the tail), and erased when the rendered block replaces it, so the user
/// sees every word as soon as it comes and the screen never holds a half-rendered block. A tail taller than the
/// screen cannot be erased; the rest of that answer then stays plain rather than being drawn over itself.
/// Only top-level blocks are cut: a block followed by another one can no longer change in CommonMark.
/// </remarks>
public sealed class StreamingMarkdown
{
    private readonly Terminal _terminal;

    // The answer's text not rendered yet: the last, unfinished block(s), with the blank lines before them.
    private readonly StringBuilder _pending = new();

    // Whether a block was rendered: the next one is set off by a blank line.
    private bool _renderedAny;

    // Whether the tail on the screen shows anything yet (blank lines between blocks are not shown as tail).
    private bool _tailStarted;

    public StreamingMarkdown(Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        _terminal = terminal;
    }

    /// <summary>The next piece of the answer, as the model sent it.</summary>
    public void Write(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return;
        }

        _pending.Append(text);
        if (_terminal.AnswerTailFrozen || !text.Contains('\n', StringComparison.Ordinal) || !CommitCompleteBlocks(final: false))
        {
            ShowInTail(text);
        }
    }

    /// <summary>The answer ended (or was cancelled): renders what is left and ends the line.</summary>
    public void Complete()
    {
        if (!_terminal.AnswerTailFrozen)
        {
            CommitCompleteBlocks(final: true);
        }

        _pending.Clear();
        _tailStarted = false;
        _terminal.EndAnswer();
    }

    private void ShowInTail(string text)
    {
        if (!_tailStarted)
        {
            text = text.TrimStart('\r', '\n');
            if (text.Length == 0)
            {
                return;
            }

            _tailStarted = true;
            if (_renderedAny)
            {
                text = "\n" + text;
            }
        }

        _terminal.AppendAnswerTail(text);
    }

    /// <summary>Renders the complete blocks at the start of the pending text; false when there were none.</summary>
    private bool CommitCompleteBlocks(bool final)
    {
        var text = _pending.ToString();
        var blocks = MarkdownRenderer.Parse(text).ToList();
        var complete = blocks.Count;
        if (!final && complete > 0 && !IsComplete(blocks[^1], text))
        {
            complete--;
        }

        if (complete == 0)
        {
            return false;
        }

        var rendered = new List<IRenderable>();
        foreach (var block in blocks.Take(complete))
        {
            if (MarkdownRenderer.Render(block) is not { } renderable)
            {
                continue;
            }

            if (_renderedAny)
            {
                rendered.Add(Text.Empty);
            }

            rendered.Add(new WithoutTrailingBreaks(renderable));
            _renderedAny = true;
        }

        var rest = complete < blocks.Count ? text[LineStart(text, blocks[complete].Line)..] : string.Empty;
        _pending.Clear().Append(rest);
        _tailStarted = false;
        _terminal.ReplaceAnswerTail(rendered, string.Empty);
        ShowInTail(rest);
        return true;
    }

    /// <summary>Whether the last block of <paramref name="text"/> can no longer change, whatever follows.</summary>
    private static bool IsComplete(Block last, string text)
    {
        if (!text.EndsWith('\n'))
        {
            return false;
        }

        return last switch
        {
            HeadingBlock or ThematicBreakBlock => true,
            FencedCodeBlock fenced => fenced.ClosingFencedCharCount > 0,
            // A blank line ends these; a list or an indented code block may go on after one.
            ParagraphBlock or QuoteBlock or Markdig.Extensions.Tables.Table => EndsWithBlankLine(text),
            _ => false,
        };
    }

    private static bool EndsWithBlankLine(string text)
    {
        var trimmed = text.TrimEnd(' ', '\t', '\r');
        if (!trimmed.EndsWith('\n'))
        {
            return false;
        }

        var previous = trimmed.LastIndexOf('\n', trimmed.Length - 2);
        return trimmed[(previous + 1)..^1].Trim().Length == 0;
    }

    /// <summary>The offset where the zero-based <paramref name="line"/> starts.</summary>
    private static int LineStart(string text, int line)
    {
        var offset = 0;
        for (var i = 0; i < line && offset < text.Length; i++)
        {
            var next = text.IndexOf('\n', offset);
            offset = next < 0 ? text.Length : next + 1;
        }

        return offset;
    }
}
