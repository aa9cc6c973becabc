using Microsoft.Extensions.Logging;

namespace DiskServer.Logging;

/// <summary>
/// Writes log lines to stderr, the only place a stdio server may write them. A few lines instead of
/// Microsoft.Extensions.Logging.Console, whose options, configuration binding and background queue cost more
/// start-up time than the rest of the server (see README, "Start-up time").
/// </summary>
internal sealed class StderrLoggerProvider(LogLevel minimumLevel, TextWriter? writer = null) : ILoggerProvider
{
    private readonly TextWriter _writer = writer ?? Console.Error;

    public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, minimumLevel, _writer);

    public void Dispose()
    {
    }
}
