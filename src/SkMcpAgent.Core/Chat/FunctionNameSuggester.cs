namespace SkMcpAgent.Core.Chat;

/// <summary>Finds names close to one the model got wrong, so it can correct itself in one step.</summary>
internal static class FunctionNameSuggester
{
    public static IReadOnlyList<string> Suggest(string wanted, IEnumerable<string> names, int count)
    {
        var lowerWanted = wanted.ToLowerInvariant();
        return names
            .Select(name => (Name: name, Score: Score(lowerWanted, name.ToLowerInvariant())))
            .Where(static candidate => candidate.Score >= 0)
            .OrderBy(static candidate => candidate.Score)
            .ThenBy(static candidate => candidate.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(static candidate => candidate.Name)
            .ToList();
    }

    // Lower is closer; -1 means not close. A name containing the other (the model dropped the server prefix)
    // counts as very close.
    private static int Score(string wanted, string name)
    {
        if (name.Contains(wanted, StringComparison.Ordinal) || wanted.Contains(name, StringComparison.Ordinal))
        {
            return 0;
        }

        var distance = Distance(wanted, name);
        return distance <= Math.Max(2, Math.Max(wanted.Length, name.Length) / 3) ? distance : -1;
    }

    private static int Distance(string a, string b)
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
