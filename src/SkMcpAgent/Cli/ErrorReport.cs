using SkMcpAgent.Core;
using SkMcpAgent.Modes;

namespace SkMcpAgent.Cli;

/// <summary>An exception at the command boundary, as the user sees it: one line and an exit code.</summary>
public sealed record ErrorReport(string Message, int ExitCode)
{
    /// <summary>A shorter line for stderr when stderr already showed the details (JSON still gets <see cref="Message"/>).</summary>
    public string? TerminalMessage { get; init; }

    /// <summary>Configuration problems are exit 2 with their own message; cancellation is 130; anything else is 1.</summary>
    public static ErrorReport From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            AgentConfigurationException config => new(config.Message, ExitCodes.UsageError),
            OperationCanceledException => new("cancelled", ExitCodes.Cancelled),
            AggregateException { InnerExceptions.Count: 1 } aggregate => From(aggregate.InnerExceptions[0]),
            AllServersDownException down => new(OneLine(down.Message), ExitCodes.RuntimeError) { TerminalMessage = down.TerminalMessage },
            _ => new(OneLine(exception.Message), ExitCodes.RuntimeError),
        };
    }

    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length == 0 ? "unexpected error" : line;
    }
}
