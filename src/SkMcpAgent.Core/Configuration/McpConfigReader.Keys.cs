namespace SkMcpAgent.Core.Configuration;

/// <summary>
/// The keys a server entry may have. An unknown one is warned about, naming the nearest known key, because a
/// misspelt <c>excludedTools</c> silently ignored leaves a tool exposed. Keys other tools write that mean nothing
/// here (VS Code's <c>dev</c>, Gemini's <c>trust</c>) are accepted quietly.
/// </summary>
internal sealed partial class McpConfigReader
{
    /// <summary>The keys this reader understands; add a new one here as well as where it is read.</summary>
    internal static readonly string[] KnownEntryKeys =
    [
        "type", "command", "args", "env", "envFile", "cwd", "url", "httpUrl", "headers", "disabled", "timeout", "toolTimeout",
        "allowedTools", "excludedTools", "includeTools", "excludeTools", "roots", "oauth",
    ];

    /// <summary>Keys of VS Code, Claude and Gemini CLI entries that have no meaning for this agent.</summary>
    private static readonly string[] s_ignoredEntryKeys = ["dev", "gallery", "version", "description", "trust", "authProviderType", "tcp"];

    private void WarnAboutUnknownKeys(EntryContext context)
    {
        if (options.Warn is not { } warn)
        {
            return;
        }

        foreach (var property in context.Entry.EnumerateObject())
        {
            if (KnownEntryKeys.Contains(property.Name, StringComparer.Ordinal) || s_ignoredEntryKeys.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var (line, column) = positions.Find(context.Path + "/" + property.Name);
            warn(context.Name, $"{filePath}:{line}:{column}: unknown key \"{property.Name}\" is ignored (the nearest known key is \"{Nearest(property.Name)}\").");
        }
    }

    /// <summary>The known key with the fewest edits from <paramref name="key"/>, ignoring case.</summary>
    internal static string Nearest(string key) =>
        KnownEntryKeys.MinBy(known => EditDistance(key.ToUpperInvariant(), known.ToUpperInvariant()))!;

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
