using Microsoft.Extensions.Logging;

namespace SkMcpAgent.Session;

/// <summary>Logs go to stderr, one line each, and only with --verbose: traces and events cover normal use.</summary>
internal static class Logging
{
    public static ILoggerFactory Create(bool verbose) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.None);
        if (verbose)
        {
            builder.AddConsole(static o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.AddSimpleConsole(static o => o.SingleLine = true);
        }
    });
}
