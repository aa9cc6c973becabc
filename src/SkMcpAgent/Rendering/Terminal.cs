using Spectre.Console;
using SkMcpAgent.Hosting;

namespace SkMcpAgent.Rendering;

/// <summary>
/// The two output channels: stdout carries answers (and the REPL prompt), stderr carries traces and diagnostics.
/// Colour only where both the user and the stream allow it.
/// </summary>
public sealed class Terminal
{
    private readonly Lock _gate = new();

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

    /// <summary>Writes answer text exactly as given (no markup, no wrapping).</summary>
    public void WriteAnswer(string text)
    {
        lock (_gate)
        {
            Host.Output.Write(text);
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

    public void WriteErrMarkupLine(string markup)
    {
        lock (_gate)
        {
            Err.MarkupLine(markup);
            Host.Error.Flush();
        }
    }

    public void WriteOutMarkupLine(string markup)
    {
        lock (_gate)
        {
            Out.MarkupLine(markup);
            Host.Output.Flush();
        }
    }

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
