using System.Text.RegularExpressions;

namespace SkMcpAgent.Core.Configuration;

/// <summary>
/// Expands <c>${VAR}</c> and <c>${VAR:-default}</c> the way a POSIX shell does: the default applies when the
/// variable is unset or empty. An unset variable without a default is an error, reported by the caller.
/// </summary>
internal static partial class VariableExpander
{
    /// <summary>The expanded text, or null with <paramref name="missing"/> naming the first unset variable.</summary>
    public static string? Expand(string text, IReadOnlyDictionary<string, string?> variables, out string? missing)
    {
        string? firstMissing = null;
        var result = Reference().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            variables.TryGetValue(name, out var value);
            if (match.Groups["default"].Success)
            {
                return string.IsNullOrEmpty(value) ? match.Groups["default"].Value : value;
            }

            if (value is null)
            {
                firstMissing ??= name;
                return string.Empty;
            }

            return value;
        });

        missing = firstMissing;
        return firstMissing is null ? result : null;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
