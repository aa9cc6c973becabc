using System.Globalization;

namespace SkMcpAgent.Core.Chat;

/// <summary>
/// The texts the model reads when a call did not produce a normal result: short, saying what to do next, and
/// never carrying a stack trace.
/// </summary>
internal static class FunctionCallMessages
{
    public const string Denied = "The user denied this call. Do not retry it; answer without it or ask the user.";

    public const string Cancelled = "Cancelled: the user interrupted the turn before this call finished.";

    public const string NotRunAfterMaximumRounds = "Not run: the maximum number of function-calling rounds for this turn was reached.";

    public static string MaximumRoundsNote(int maxRounds) => string.Create(
        CultureInfo.InvariantCulture,
        $"[Note from the agent] The limit of {maxRounds} function-calling rounds for this turn was reached, so functions are disabled now. Answer the user with what you have, and say what is still missing.");

    public static string InvalidJson(string name, Exception parseError) =>
        $"Error: the arguments for '{name}' are not valid JSON ({WithoutStackTrace(parseError.Message)}). Call it again with a single JSON object as arguments.";

    public static string SchemaMismatch(string name, IReadOnlyList<string> problems) =>
        $"Error: invalid arguments for '{name}': {string.Join("; ", problems)}. Call it again with arguments that match its parameter schema.";

    public static string Failed(string name, Exception exception)
    {
        var message = WithoutStackTrace(exception.Message);
        return string.IsNullOrWhiteSpace(message)
            ? $"Error: function '{name}' failed ({exception.GetType().Name})."
            : $"Error: function '{name}' failed: {message}";
    }

    public static string TimedOut(string name, TimeSpan timeout) => string.Create(
        CultureInfo.InvariantCulture,
        $"Error: function '{name}' did not finish within {timeout.TotalSeconds:0.###} s and was cancelled. Try a smaller request or another approach.");

    public static string Truncated(string text, int maxCharacters) => string.Create(
        CultureInfo.InvariantCulture,
        $"{text[..maxCharacters]}\n[Result cut: it was {text.Length} characters long; only the first {maxCharacters} are shown. Ask for less (a filter, a page, a narrower path) if you need the rest.]");

    // A message may span lines that matter (a tool's isError text lists every problem), but a message that
    // embeds a stack trace must not hand it to the model.
    private static string WithoutStackTrace(string message)
    {
        var lines = message.Split('\n').Select(static line => line.TrimEnd('\r')).Where(static line => !IsStackFrame(line));
        return string.Join('\n', lines).Trim();
    }

    private static bool IsStackFrame(string line)
    {
        var trimmed = line.TrimStart();
        return (trimmed.Length < line.Length && trimmed.StartsWith("at ", StringComparison.Ordinal)) ||
            trimmed.StartsWith("--- End of", StringComparison.Ordinal);
    }
}
