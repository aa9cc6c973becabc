using System.Globalization;
using System.Text;

namespace SkMcpAgent.Rendering;

/// <summary>
/// Makes text from servers and models safe to show on a terminal: every C0 and C1 control character (ESC, BEL,
/// the one-byte CSI U+009B, DEL, a lone carriage return...) is shown visibly as <c>\x1b</c>, <c>\x9b</c> and so on,
/// so no escape sequence reaches the terminal (window titles, OSC 52 clipboard writes, clearing the screen).
/// Line feeds and tabs are kept, and so is a carriage return that starts a CRLF line ending.
/// </summary>
/// <remarks>
/// <see cref="Terminal"/> applies this to everything it writes that is not its own cursor control, so call sites
/// need not remember to. What the model receives is never changed.
/// </remarks>
public static class TerminalText
{
    /// <summary>Whether <paramref name="c"/> would be escaped by <see cref="Sanitize"/> (ignoring the CRLF case).</summary>
    public static bool IsUnsafe(char c) => c is (< ' ' and not '\n' and not '\t') or (>= '\u007f' and <= '\u009f');

    /// <summary><paramref name="text"/> with control characters replaced by visible <c>\xNN</c> forms.</summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                builder.Append(c);
            }
            else if (IsUnsafe(c))
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                continue;
            }

            if (IsUnsafe(c))
            {
                return i;
            }
        }

        return -1;
    }
}
