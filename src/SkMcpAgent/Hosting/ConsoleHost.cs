using System.Runtime.InteropServices;

namespace SkMcpAgent.Hosting;

/// <summary>
/// The process's outside world as the console sees it: streams, whether they are redirected, environment,
/// working directory and Ctrl+C. Tests build one over string readers and writers.
/// </summary>
public sealed class ConsoleHost
{
    // Kept for the life of the process: the registration ends when it is collected.
    private static PosixSignalRegistration? s_sigterm;

    public required TextReader Input { get; init; }

    public required TextWriter Output { get; init; }

    public required TextWriter Error { get; init; }

    public bool IsInputRedirected { get; init; }

    public bool IsOutputRedirected { get; init; }

    public bool IsErrorRedirected { get; init; }

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public string CurrentDirectory { get; init; } = Environment.CurrentDirectory;

    public InterruptSource Interrupts { get; init; } = new();

    /// <summary>Run on SIGTERM before the process ends (the real console only; tests may call it themselves).</summary>
    public TerminationHooks Termination { get; init; } = new();

    /// <summary>True when keys can be read one by one for line editing (a real terminal that is not dumb).</summary>
    public bool SupportsLineEditing { get; init; }

    /// <summary>The real console. Ctrl+C is routed to <see cref="Interrupts"/> so it can cancel a turn, not the process.</summary>
    public static ConsoleHost FromSystem()
    {
        var interrupts = new InterruptSource();
        Console.CancelKeyPress += (_, e) => e.Cancel = interrupts.Raise();
        var termination = new TerminationHooks();
        s_sigterm = termination.HandleSigterm();
        var term = Environment.GetEnvironmentVariable("TERM");
        return new ConsoleHost
        {
            Input = Console.In,
            Output = Console.Out,
            Error = Console.Error,
            IsInputRedirected = Console.IsInputRedirected,
            IsOutputRedirected = Console.IsOutputRedirected,
            IsErrorRedirected = Console.IsErrorRedirected,
            Interrupts = interrupts,
            Termination = termination,
            SupportsLineEditing = !Console.IsInputRedirected && !Console.IsOutputRedirected
                && !string.Equals(term, "dumb", StringComparison.Ordinal),
        };
    }
}
