using Microsoft.Extensions.Logging;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Session;

/// <summary>
/// Logs go to stderr, one line each, and only with --verbose: traces and events cover normal use. They are written
/// through <see cref="Terminal"/>, so a server's stderr line or a provider's message cannot put escape codes on it.
/// </summary>
internal static class Logging
{
    public static ILoggerFactory Create(bool verbose, Terminal terminal) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.None);
        if (verbose)
        {
            builder.AddProvider(new TerminalLoggerProvider(terminal));
        }
    });

    private sealed class TerminalLoggerProvider(Terminal terminal) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new TerminalLogger(terminal, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class TerminalLogger(Terminal terminal, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception).ReplaceLineEndings(" ");
            var line = $"{Level(logLevel)}: {category}[{eventId.Id}] {message}";
            terminal.WriteErrText(exception is null ? line : line + Environment.NewLine + exception);
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
