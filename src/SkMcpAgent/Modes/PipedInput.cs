using System.Globalization;
using SkMcpAgent.Core;

namespace SkMcpAgent.Modes;

/// <summary>
/// Text piped on stdin in single-shot mode: the question itself, or, with a question given as an argument, context
/// for it (<c>cat notes.txt | SkMcpAgent "summarize"</c>). The model then gets the piped text, a blank line and the
/// question, in that order, as one user message.
/// </summary>
public static class PipedInput
{
    /// <summary>The most characters read from stdin: far above a question, low enough to fail before a huge request.</summary>
    public const int MaxCharacters = 1024 * 1024;

    /// <summary>Reads stdin to its end (at most <see cref="MaxCharacters"/>); trimmed, empty when nothing was piped.</summary>
    public static async Task<string> ReadAsync(TextReader input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var buffer = new char[MaxCharacters + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await input.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        if (total > MaxCharacters)
        {
            throw new AgentConfigurationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The text piped on stdin is longer than {MaxCharacters:N0} characters; pipe a smaller part (head -c, grep) or let a tool read the file."));
        }

        return new string(buffer, 0, total).Trim();
    }

    /// <summary>The one message the model gets: the piped context, a blank line, then the question.</summary>
    public static string Join(string question, string piped)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(piped);
        return piped.Length == 0 ? question : piped + "\n\n" + question;
    }
}
