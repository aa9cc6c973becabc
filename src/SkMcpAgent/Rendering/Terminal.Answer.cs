using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SkMcpAgent.Rendering;

/// <summary>
/// A rendered answer on a colour terminal (see <see cref="StreamingMarkdown"/>): finished blocks are written once,
/// and the unfinished rest, the tail, is shown as plain text that is erased and replaced when its block is rendered.
/// </summary>
public sealed partial class Terminal
{
    // The tail as it is (or was last) on the screen: sanitised, tabs expanded, starting at the first column.
    private readonly StringBuilder _tail = new();

    // Erased to let a stderr line through (a function call's trace); written again with the answer's next piece.
    private bool _tailHidden;

    // The tail grew taller than the screen: rows that scrolled off cannot be erased, so the rest of the answer stays
    // plain text instead of being rendered over what is left of it.
    private bool _tailFrozen;

    /// <summary>Whether the current answer's tail became too tall to replace; it is then shown plain to its end.</summary>
    public bool AnswerTailFrozen
    {
        get
        {
            lock (_gate)
            {
                return _tailFrozen;
            }
        }
    }

    /// <summary>Adds <paramref name="text"/> to the plain tail on the screen.</summary>
    public void AppendAnswerTail(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            _lastStatusKey = null;
            var shown = TailText(text);
            if (_tailHidden)
            {
                _tailHidden = false;
                Host.Output.Write(_tail.ToString());
            }

            Host.Output.Write(shown);
            _tail.Append(shown);
            if (!_tailFrozen && TailRows() >= Math.Max(2, Out.Profile.Height))
            {
                _tailFrozen = true;
            }

            Host.Output.Flush();
        }
    }

    /// <summary>
    /// Erases the tail, writes <paramref name="blocks"/> (each ending its line), then shows <paramref name="tail"/>.
    /// Does nothing once the tail is frozen: all of it is on the screen already, as plain text.
    /// </summary>
    public void ReplaceAnswerTail(IEnumerable<IRenderable> blocks, string tail)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(tail);
        lock (_gate)
        {
            if (_tailFrozen)
            {
                return;
            }

            EraseTail();
            foreach (var block in blocks)
            {
                Out.Write(block);
                Out.WriteLine();
            }

            _tail.Clear();
            _tailHidden = false;
            _tailFrozen = false;
            AppendAnswerTail(tail);
        }
    }

    /// <summary>Ends the answer: the tail stays on the screen as it is, and the cursor goes to a new line.</summary>
    public void EndAnswer()
    {
        lock (_gate)
        {
            if (_tailHidden)
            {
                Host.Output.Write(_tail.ToString());
            }

            if (_tail.Length > 0 && _tail[^1] != '\n')
            {
                Host.Output.Write(Environment.NewLine);
            }

            _tail.Clear();
            _tailHidden = false;
            _tailFrozen = false;
            Host.Output.Flush();
        }
    }

    /// <summary>Before a stderr line: takes the tail off the screen, so the line does not land inside the answer.</summary>
    private void HideAnswerTailForError()
    {
        if (_tail.Length == 0 || _tailHidden || !OutputColor || !ErrorColor)
        {
            return;
        }

        if (_tailFrozen)
        {
            // It cannot be erased: end its line instead, and let the rest of the answer follow the stderr lines.
            if (_tail[^1] != '\n')
            {
                Host.Output.Write(Environment.NewLine);
                _tail.Append('\n');
            }

            Host.Output.Flush();
            return;
        }

        EraseTail();
        _tailHidden = true;
    }

    private void EraseTail()
    {
        if (_tail.Length == 0 || _tailHidden || _tailFrozen)
        {
            return;
        }

        // Back to the first column, up to the tail's first row, and clear from there to the end of the screen.
        var up = TailRows() - 1;
        Host.Output.Write(up > 0 ? $"\r\u001b[{up}A\u001b[J" : "\r\u001b[J");
    }

    /// <summary>How many screen rows the tail takes at the console's current width (long lines wrap).</summary>
    private int TailRows()
    {
        var width = Math.Max(1, Out.Profile.Width);
        var rows = 0;
        foreach (var line in _tail.ToString().Split('\n'))
        {
            var cells = new Segment(line).CellCount();
            rows += Math.Max(1, (cells + width - 1) / width);
        }

        return rows;
    }

    // Control characters made visible; CRLF as LF and tabs as spaces, because a carriage return or a tab moves the
    // cursor by an amount that depends on the column, which would make the tail's height uncertain.
    private static string TailText(string text) =>
        TerminalText.Sanitize(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\t", "    ", StringComparison.Ordinal);
}
