using SkMcpAgent.Hosting;

namespace SkMcpAgent.Tests.Support;

/// <summary>A <see cref="ConsoleHost"/> over strings: scripted stdin, recorded stdout and stderr, no colour.</summary>
public sealed class RecordingHost
{
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public RecordingHost(string input = "", bool inputRedirected = true, string? currentDirectory = null, bool outputIsTerminal = false, bool errorIsTerminal = false)
    {
        Host = new ConsoleHost
        {
            Input = new StringReader(input),
            Output = OutputWriter,
            // Both streams on one screen, as on a terminal, when both are terminals.
            Error = errorIsTerminal && outputIsTerminal ? OutputWriter : ErrorWriter,
            IsInputRedirected = inputRedirected,
            IsOutputRedirected = !outputIsTerminal,
            IsErrorRedirected = !errorIsTerminal,
            GetEnvironmentVariable = name => _environment.GetValueOrDefault(name),
            CurrentDirectory = currentDirectory ?? Environment.CurrentDirectory,
        };
    }

    public ConsoleHost Host { get; }

    public StringWriter OutputWriter { get; } = new();

    public StringWriter ErrorWriter { get; } = new();

    public string Output => OutputWriter.ToString();

    public string Error => ErrorWriter.ToString();

    public RecordingHost WithVariable(string name, string? value)
    {
        _environment[name] = value;
        return this;
    }
}
