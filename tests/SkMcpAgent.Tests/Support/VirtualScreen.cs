using System.Text;
using System.Text.RegularExpressions;

namespace SkMcpAgent.Tests.Support;

/// <summary>
/// What a terminal of a given width would show after receiving some output: printable characters with wrapping,
/// line feeds, carriage returns, tabs (stops every 8 columns), and the few cursor sequences the agent writes (up, erase below, erase line); colours
/// are dropped. Any other escape sequence fails the test, so nothing unexpected reaches a real terminal.
/// </summary>
public sealed partial class VirtualScreen
{
    private readonly List<StringBuilder> _rows = [new()];
    private readonly int _width;
    private int _row;
    private int _column;

    public VirtualScreen(string output, int width = 80)
    {
        _width = width;
        for (var i = 0; i < output.Length; i++)
        {
            var c = output[i];
            if (c == '\u001b')
            {
                var match = Sequence().Match(output, i);
                Assert.True(match.Success && match.Index == i, $"unexpected escape at {i}: {Visible(output.Substring(i, Math.Min(12, output.Length - i)))}");
                Apply(match.Groups[1].Value, match.Groups[2].Value[0]);
                i += match.Length - 1;
            }
            else if (c == '\n')
            {
                NewLine();
            }
            else if (c == '\r')
            {
                _column = 0;
            }
            else if (c == '\t')
            {
                _column = Math.Min(_width, (_column / 8 * 8) + 8);
            }
            else
            {
                Assert.False(c < ' ' || c is >= '\u007f' and <= '\u009f', $"raw control character U+{(int)c:X4} at {i}");
                Put(c);
            }
        }
    }

    /// <summary>The screen's rows, trailing spaces removed, trailing empty rows dropped.</summary>
    public IReadOnlyList<string> Rows
    {
        get
        {
            var rows = _rows.Select(static r => r.ToString().TrimEnd()).ToList();
            while (rows.Count > 0 && rows[^1].Length == 0)
            {
                rows.RemoveAt(rows.Count - 1);
            }

            return rows;
        }
    }

    public string Text => string.Join('\n', Rows);

    private void Apply(string parameter, char command)
    {
        switch (command)
        {
            case 'm':
                break;
            case 'A':
                _row = Math.Max(0, _row - (parameter.Length == 0 ? 1 : int.Parse(parameter, System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case 'J':
                _rows[_row].Length = Math.Min(_rows[_row].Length, _column);
                _rows.RemoveRange(_row + 1, _rows.Count - _row - 1);
                break;
            case 'K' when parameter == "2":
                _rows[_row].Clear();
                break;
            default:
                Assert.Fail($"unexpected escape sequence ESC[{parameter}{command}");
                break;
        }
    }

    private void Put(char c)
    {
        if (_column >= _width)
        {
            NewLine();
        }

        var row = _rows[_row];
        if (row.Length < _column)
        {
            row.Append(' ', _column - row.Length);
        }

        if (row.Length == _column)
        {
            row.Append(c);
        }
        else
        {
            row[_column] = c;
        }

        _column++;
    }

    private void NewLine()
    {
        _row++;
        _column = 0;
        if (_row == _rows.Count)
        {
            _rows.Add(new StringBuilder());
        }
    }

    private static string Visible(string text) => text.Replace("\u001b", "ESC", StringComparison.Ordinal);

    [GeneratedRegex(@"\u001b\[([0-9;]*)([A-Za-z])")]
    private static partial Regex Sequence();
}
