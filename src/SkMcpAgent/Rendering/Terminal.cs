using Spectre.Console;
using SkMcpAgent.Hosting;

namespace SkMcpAgent.Rendering;

/// <summary>
/// The two output channels: stdout carries answers (and the REPL prompt), stderr carries traces and diagnostics.
/// Colour only where both the user and the stream allow it.
/// </summary>
/// <remarks>
/// Everything written here passes <see cref="TerminalText.Sanitize"/>: text from servers and models cannot put
/// escape sequences on the terminal. The one exception is <see cref="WriteAnswer"/> when stdout is not a terminal
/// (a file or a pipe): there the answer's exact text is written.
/// </remarks>
public sealed partial class Terminal
{
    private readonly Lock _gate = new();

    // The key of the status line written last on stderr, while nothing else followed it; see WriteErrStatusLine.
    private string? _lastStatusKey;

    public Terminal(ConsoleHost host, bool noColor, bool quiet, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(host);
        var colorAllowed = !noColor
            && string.IsNullOrEmpty(host.GetEnvironmentVariable("NO_COLOR"))
            && !string.Equals(host.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        Host = host;
        Quiet = quiet;
        Verbose = verbose;
        OutputColor = colorAllowed && !host.IsOutputRedirected;
        ErrorColor = colorAllowed && !host.IsErrorRedirected;
        Out = CreateConsole(host.Output, OutputColor);
        Err = CreateConsole(host.Error, ErrorColor);
    }

    public ConsoleHost Host { get; }

    /// <summary>Answers and REPL text.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Traces and diagnostics.</summary>
    public IAnsiConsole Err { get; }

    public bool OutputColor { get; }

    public bool ErrorColor { get; }

    public bool Quiet { get; }

    public bool Verbose { get; }

    /// <summary>
    /// Writes answer text as given (no markup, no wrapping): exactly when stdout is a file or a pipe, with control
    /// characters made visible when it is a terminal.
    /// </summary>
    public void WriteAnswer(string text)
    {
        lock (_gate)
        {
            _lastStatusKey = null;
            Host.Output.Write(Host.IsOutputRedirected ? text : TerminalText.Sanitize(text));
            Host.Output.Flush();
        }
    }

    /// <summary>A diagnostic line on stderr in Spectre markup; dropped with --quiet.</summary>
    public void Diagnostic(string markup)
    {
        if (!Quiet)
        {
            WriteErrMarkupLine(markup);
        }
    }

    /// <summary>An error line on stderr; shown even with --quiet, because the exit code alone rarely explains.</summary>
    public void Error(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        WriteErrMarkupLine($"[red]error:[/] {Markup.Escape(message)}");
    }

    /// <summary>
    /// The prompt line-editing shows right now, if any. A diagnostic arriving meanwhile (a server becoming ready)
    /// clears that line, prints, and shows the prompt again, instead of landing after the prompt.
    /// </summary>
    public string? ActivePrompt { get; set; }

    /// <summary>
    /// A line that replaces the previous line with the same <paramref name="key"/> when that was the last line
    /// written (a progress bar updated in place); on a stream that is not a colour terminal, a new line each time.
    /// </summary>
    public void WriteErrStatusLine(string key, string markup)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            HideAnswerTailForError();
            if (ErrorColor && string.Equals(_lastStatusKey, key, StringComparison.Ordinal))
            {
                // Cursor up one line, then clear it: the next line takes the old one's place.
                Host.Error.Write("\u001b[1A\r\u001b[2K");
            }

            WriteErrMarkupLine(markup);
            _lastStatusKey = key;
        }
    }

    public void WriteErrMarkupLine(string markup)
    {
        markup = TerminalText.Sanitize(markup);
        lock (_gate)
        {
            HideAnswerTailForError();
        }

        _lastStatusKey = null;
        if (ActivePrompt is not { } prompt || !ErrorColor || !OutputColor)
        {
            WriteMarkupLine(Err, Host.Error, ErrorColor, markup);
            return;
        }

        lock (_gate)
        {
            Host.Error.Write("\r\u001b[2K");
            Err.MarkupLine(markup);
            Host.Error.Flush();
            Host.Output.Write(prompt);
            Host.Output.Flush();
        }
    }

    public void WriteOutMarkupLine(string markup) => WriteMarkupLine(Out, Host.Output, OutputColor, TerminalText.Sanitize(markup));

    /// <summary>Plain text lines on stderr (a stack trace with --verbose), control characters made visible.</summary>
    public void WriteErrText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            HideAnswerTailForError();
            Host.Error.WriteLine(TerminalText.Sanitize(text));
            Host.Error.Flush();
        }
    }

    // Without colour the text is written directly: Spectre's non-ANSI backend would still set colours through
    // System.Console, which leaks escape codes onto a terminal.
    private void WriteMarkupLine(IAnsiConsole console, TextWriter writer, bool color, string markup)
    {
        lock (_gate)
        {
            if (color)
            {
                console.MarkupLine(markup);
            }
            else
            {
                writer.WriteLine(Markup.Remove(markup));
            }

            writer.Flush();
        }
    }

    /// <summary>A console for line editing: cursor control always, colour only when allowed.</summary>
    public IAnsiConsole CreateLineEditorConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        ColorSystem = OutputColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(Host.Output),
    });

    /// <summary>A Spectre console over <paramref name="writer"/>; without colour it emits plain text only.</summary>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = color ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!color)
        {
            // Pipes and files have no width; don't wrap long lines at an imagined 80 columns.
            console.Profile.Width = 512;
        }

        return console;
    }
}
