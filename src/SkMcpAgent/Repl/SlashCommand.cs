using System.Text;

namespace SkMcpAgent.Repl;

/// <summary>A REPL command such as <c>/tools weather</c>: its name (lower case, without the slash) and its arguments.</summary>
public sealed record SlashCommand(string Name, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// Parses a line that starts with <c>/</c>; null for anything else (a question). Arguments split on spaces;
    /// double or single quotes keep spaces inside one argument (<c>/prompt greet name="Ada Lovelace"</c>).
    /// </summary>
    public static SlashCommand? TryParse(string? line)
    {
        var trimmed = line?.Trim();
        if (trimmed is null || trimmed.Length < 2 || trimmed[0] != '/' || char.IsWhiteSpace(trimmed[1]) || trimmed[1] == '/')
        {
            return null;
        }

        var words = Split(trimmed[1..]);
        return new SlashCommand(words[0].ToLowerInvariant(), words.Skip(1).ToList());
    }

    /// <summary>The first argument, or null when there is none.</summary>
    public string? FirstArgument => Arguments.Count > 0 ? Arguments[0] : null;

    /// <summary>The text after the command name, for commands that take a free-form argument.</summary>
    public string ArgumentText => string.Join(' ', Arguments);

    /// <summary><c>name=value</c> arguments as a dictionary; anything without <c>=</c> is reported in <paramref name="invalid"/>.</summary>
    public Dictionary<string, string> NamedArguments(int skip, out IReadOnlyList<string> invalid)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var bad = new List<string>();
        foreach (var argument in Arguments.Skip(skip))
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                bad.Add(argument);
            }
            else
            {
                named[argument[..equals]] = argument[(equals + 1)..];
            }
        }

        invalid = bad;
        return named;
    }

    private static List<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
