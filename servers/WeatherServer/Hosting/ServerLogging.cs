using Microsoft.Extensions.Logging;

namespace WeatherServer.Hosting;

/// <summary>Logs go to stderr in both modes (stdout is the protocol in stdio mode), at MCP_LOG_LEVEL (default Warning).</summary>
public static class ServerLogging
{
    public static LogLevel ReadLevel(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        return Enum.TryParse<LogLevel>(getVariable("MCP_LOG_LEVEL"), ignoreCase: true, out var parsed) ? parsed : LogLevel.Warning;
    }

    /// <summary>The HTTP host's logging: ASP.NET Core's console logger, all of it on stderr.</summary>
    public static void Configure(ILoggingBuilder logging, Func<string, string?>? getVariable = null)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.SetMinimumLevel(ReadLevel(getVariable));
        logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
