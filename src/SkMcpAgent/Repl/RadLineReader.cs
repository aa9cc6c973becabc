using RadLine;
using Spectre.Console;

namespace SkMcpAgent.Repl;

/// <summary>
/// Line editing on a real terminal with RadLine: cursor keys, history (up/down) persisted to
/// <paramref name="historyFile"/> so it survives restarts. Ctrl+D on an empty line ends input.
/// </summary>
public sealed class RadLineReader : ILineReader
{
    private const int MaxHistoryLines = 1000;
    private readonly LineEditor _editor;
    private readonly string? _historyFile;
    private readonly EndOfInputCommand.Flag _endOfInput = new();
    private readonly ChangeablePrompt _prompt = new();

    public RadLineReader(IAnsiConsole console, string? historyFile)
    {
        _editor = new LineEditor(console) { Prompt = _prompt, Completion = new SlashCommandCompletion() };
        _editor.KeyBindings.Add(ConsoleKey.D, ConsoleModifiers.Control, () => new EndOfInputCommand(_endOfInput));
        _historyFile = historyFile;
        foreach (var line in LoadHistory(historyFile))
        {
            _editor.History.Add(line);
        }
    }

    public async Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken)
    {
        _prompt.Text = prompt.TrimEnd();
        _endOfInput.Requested = false;
        var line = await _editor.ReadLine(cancellationToken);
        if (line is null || _endOfInput.Requested)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(line))
        {
            _editor.History.Add(line);
            AppendHistory(line);
        }

        return line;
    }

    /// <summary>Where history lives: $XDG_DATA_HOME or ~/.local/share (LocalApplicationData), under skmcpagent.</summary>
    public static string DefaultHistoryFile() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "skmcpagent", "history");

    private static List<string> LoadHistory(string? path)
    {
        try
        {
            return path is not null && File.Exists(path)
                ? File.ReadLines(path).Where(static l => l.Length > 0).TakeLast(MaxHistoryLines).Select(Unescape).ToList()
                : [];
        }
        catch (IOException)
        {
            return [];
        }
    }

    private void AppendHistory(string line)
    {
        if (_historyFile is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_historyFile)!);
            File.AppendAllText(_historyFile, Escape(line) + "\n");
        }
        catch (IOException)
        {
            // History is a convenience; a read-only home must not break the session.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // Multi-line entries are stored on one line.
    private static string Escape(string line) => line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Unescape(string line) => line.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    /// <summary>RadLine sets the prompt once; the REPL changes it (continuation lines), so it reads a property.</summary>
    private sealed class ChangeablePrompt : ILineEditorPrompt
    {
        public string Text { get; set; } = ">";

        public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line) =>
            (new Markup(Markup.Escape(line == 0 ? Text : "…")), 1);
    }
}
