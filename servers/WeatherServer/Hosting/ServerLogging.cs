using Microsoft.Extensions.Logging;

namespace WeatherServer.Hosting;

/// <summary>Logs go to stderr in both modes (stdout is the protocol in stdio mode), at MCP_LOG_LEVEL (default Warning).</summary>
public static class ServerLogging
{
    public static void Configure(ILoggingBuilder logging, Func<string, string?>? getVariable = null)
    {
        ArgumentNullException.ThrowIfNull(logging);
        getVariable ??= Environment.GetEnvironmentVariable;

        var level = Enum.TryParse<LogLevel>(getVariable("MCP_LOG_LEVEL"), ignoreCase: true, out var parsed) ? parsed : LogLevel.Warning;
        logging.ClearProviders();
        logging.SetMinimumLevel(level);
        logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
