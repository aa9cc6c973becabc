using System.Globalization;
using System.Text;

namespace DiskServer.Formatting;

/// <summary>
/// Paths as they appear in text reports. A Linux file name may hold any byte but '/' and NUL: a folder named
/// "x\n  1.  999 GB  /etc" would forge a report line, one holding ESC would drive the reader's terminal. Such paths
/// are shown double-quoted with C-style escapes ("/tmp/x\n  1. ..."), so every report line is one the server
/// wrote. Ordinary paths are shown as they are. Structured content always carries the exact path.
/// </summary>
internal static class DisplayPath
{
    private static readonly System.Buffers.SearchValues<char> s_needsQuoting = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(static i => (char)i), .. Enumerable.Range(0x7f, 0x21).Select(static i => (char)i),
         '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']);

    public static string Quote(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.AsSpan().ContainsAny(s_needsQuoting))
        {
            return path;
        }

        var text = new StringBuilder(path.Length + 8).Append('"');
        foreach (var c in path)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when NeedsEscape(c) && c <= '\xff' => text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ when NeedsEscape(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    /// <summary>For messages that quote a path: 'path' when it is ordinary, else the escaped "path".</summary>
    public static string Quoted(string path)
    {
        var shown = Quote(path);
        return ReferenceEquals(shown, path) ? $"'{path}'" : shown;
    }

    /// <summary>A very long path (deep trees reach thousands of characters) shortened in the middle, then quoted.</summary>
    public static string Shorten(string path, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 20);
        if (path.Length <= maxLength)
        {
            return Quote(path);
        }

        var half = (maxLength - 1) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"{Quote(string.Concat(path.AsSpan(0, half), "…", path.AsSpan(path.Length - half)))} (shortened, {path.Length:N0} characters)");
    }

    // Control characters (C0, DEL, C1), Unicode line and paragraph separators, bidirectional overrides and
    // isolates (which reorder what a reader sees); quotes and backslashes only matter once the path is quoted.
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';
}
