using System.Text;

namespace SkMcpAgent.Core.Configuration;

/// <summary>
/// Expands <c>${VAR}</c> and <c>${VAR:-default}</c> the way a POSIX shell does: the default applies when the
/// variable is unset or empty, and is itself expanded (<c>${A:-${B:-inner}}</c>), only when it is used. An unset
/// variable without a default is an error, reported by the caller. Text that is not a complete reference is kept.
/// </summary>
internal static class VariableExpander
{
    /// <summary>The expanded text, or null with <paramref name="missing"/> naming the first unset variable.</summary>
    public static string? Expand(string text, IReadOnlyDictionary<string, string?> variables, out string? missing)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return Expand(text, name => variables.TryGetValue(name, out var value) ? value : null, out missing);
    }

    /// <summary>
    /// The expanded text, values from <paramref name="lookup"/> (null: unset); null with <paramref name="missing"/>
    /// naming the first unset reference. VS Code's namespaced references reach the lookup whole: <c>env:HOME</c>,
    /// <c>input:api-key</c>.
    /// </summary>
    public static string? Expand(string text, Func<string, string?> lookup, out string? missing)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lookup);
        string? firstMissing = null;
        var result = ExpandPart(text, lookup, ref firstMissing);
        missing = firstMissing;
        return firstMissing is null ? result : null;
    }

    private static string ExpandPart(string text, Func<string, string?> lookup, ref string? firstMissing)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                builder.Append(text, i, text.Length - i);
                break;
            }

            builder.Append(text, i, start - i);
            if (!TryParseReference(text, start, out var name, out var fallback, out var end))
            {
                builder.Append("${");
                i = start + 2;
                continue;
            }

            var value = lookup(name);
            if (fallback is not null)
            {
                builder.Append(string.IsNullOrEmpty(value) ? ExpandPart(fallback, lookup, ref firstMissing) : value);
            }
            else if (value is null)
            {
                firstMissing ??= name;
            }
            else
            {
                builder.Append(value);
            }

            i = end;
        }

        return builder.ToString();
    }

    /// <summary>A reference at <paramref name="start"/>: its name, its default (null when none) and where it ends.</summary>
    private static bool TryParseReference(string text, int start, out string name, out string? fallback, out int end)
    {
        name = string.Empty;
        fallback = null;
        end = start;
        var i = start + 2;
        if (i >= text.Length || !(char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            return false;
        }

        var nameStart = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        // VS Code's namespaces: ${env:NAME} and ${input:id} (ids may hold '-' and '.').
        if (i + 1 < text.Length && text[i] == ':' && text[i + 1] != '-' && text[nameStart..i] is "env" or "input")
        {
            i++;
            var idStart = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.'))
            {
                i++;
            }

            if (i == idStart)
            {
                return false;
            }
        }

        name = text[nameStart..i];
        if (i < text.Length && text[i] == '}')
        {
            end = i + 1;
            return true;
        }

        if (i + 1 >= text.Length || text[i] != ':' || text[i + 1] != '-')
        {
            return false;
        }

        // The default runs to the brace that closes this reference; nested references open braces of their own.
        var defaultStart = i + 2;
        var depth = 0;
        for (var j = defaultStart; j < text.Length; j++)
        {
            if (text[j] == '$' && j + 1 < text.Length && text[j + 1] == '{')
            {
                depth++;
                j++;
            }
            else if (text[j] == '}')
            {
                if (depth == 0)
                {
                    fallback = text[defaultStart..j];
                    end = j + 1;
                    return true;
                }

                depth--;
            }
        }

        return false;
    }
}
