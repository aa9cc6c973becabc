using RadLine;
using Spectre.Console;

namespace SkMcpAgent.Repl;

/// <summary>
/// Line editing on a real terminal with RadLine, with the keys of bash and readline added through its key
/// bindings: Up/Down history (persisted to the history file, so it survives restarts), Ctrl+A/E start and end,
/// Ctrl+U/K delete to the start/end, Ctrl+W the previous word. Ctrl+C clears a line with text and ends input on
/// an empty one, as does Ctrl+D.
/// </summary>
/// <remarks>
/// Ctrl+C reaches the editor as a key because the terminal's interrupt is off while a line is read
/// (<paramref name="ownsTerminal"/>); between reads, Ctrl+C is a signal again and cancels the running turn.
/// </remarks>
public sealed class RadLineReader : ILineReader
{
    private const int MaxHistoryLines = 1000;
    private readonly LineEditor _editor;
    private readonly string? _historyFile;
    private readonly EndOfInputCommand.Flag _endOfInput = new();
    private readonly ChangeablePrompt _prompt = new();

    private readonly bool _ownsTerminal;

    /// <param name="keys">Where keys come from: the console when null, scripted key presses in tests.</param>
    /// <param name="ownsTerminal">Whether this is the real terminal, whose Ctrl+C handling it switches while reading.</param>
    public RadLineReader(IAnsiConsole console, string? historyFile, IInputSource? keys = null, bool ownsTerminal = false)
    {
        _editor = new LineEditor(console, keys) { Prompt = _prompt, Completion = new SlashCommandCompletion() };
        _ownsTerminal = ownsTerminal;
        var bindings = _editor.KeyBindings;
        bindings.Add(ConsoleKey.D, ConsoleModifiers.Control, () => new EndOfInputCommand(_endOfInput));
        bindings.Add(ConsoleKey.C, ConsoleModifiers.Control, () => new InterruptCommand(_endOfInput));
        // Single-line editing: RadLine's Up/Down move between lines of a multi-line buffer and do nothing here.
        bindings.Add<PreviousHistoryCommand>(ConsoleKey.UpArrow);
        bindings.Add<NextHistoryCommand>(ConsoleKey.DownArrow);
        bindings.Add<MoveHomeCommand>(ConsoleKey.A, ConsoleModifiers.Control);
        bindings.Add<MoveEndCommand>(ConsoleKey.E, ConsoleModifiers.Control);
        bindings.Add<DeleteToStartCommand>(ConsoleKey.U, ConsoleModifiers.Control);
        bindings.Add<DeleteToEndCommand>(ConsoleKey.K, ConsoleModifiers.Control);
        bindings.Add<DeletePreviousWordCommand>(ConsoleKey.W, ConsoleModifiers.Control);
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
        string? line;
        var controlCWasInput = _ownsTerminal && Console.TreatControlCAsInput;
        try
        {
            if (_ownsTerminal)
            {
                Console.TreatControlCAsInput = true;
            }

            line = await _editor.ReadLine(cancellationToken);
        }
        finally
        {
            if (_ownsTerminal)
            {
                Console.TreatControlCAsInput = controlCWasInput;
            }
        }

        if (line is null || _endOfInput.Requested)
        {
            return null;
        }

        // RadLine adds the line to its own history; adding it here too made Up recall every line twice.
        if (!string.IsNullOrWhiteSpace(line))
        {
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
