using System.Globalization;
using Microsoft.Extensions.Logging;

namespace DiskServer.Logging;

/// <summary>One category's logger for <see cref="StderrLoggerProvider"/>: <c>level: category: message</c>, one line each.</summary>
internal sealed class StderrLogger(string category, LogLevel minimumLevel, TextWriter writer) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{Abbreviate(logLevel)}: {category}: {formatter(state, exception)}");
        if (exception is not null)
        {
            line += Environment.NewLine + exception;
        }

        // Console.Error is synchronised, so lines from concurrent requests do not interleave.
        writer.WriteLine(line);
    }

    private static string Abbreviate(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
