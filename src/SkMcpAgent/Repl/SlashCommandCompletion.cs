using RadLine;

namespace SkMcpAgent.Repl;

/// <summary>Tab completes slash command names at the start of the line.</summary>
internal sealed class SlashCommandCompletion : ITextCompletion
{
    private static readonly string[] s_names = ReplSession.Commands
        .Select(static c => c.Usage.Split(' ')[0])
        .ToArray();

    public IEnumerable<string> GetCompletions(string prefix, string word, string suffix)
    {
        if (prefix.Length > 0 || !word.StartsWith('/'))
        {
            return [];
        }

        return s_names.Where(name => name.StartsWith(word, StringComparison.OrdinalIgnoreCase));
    }
}
