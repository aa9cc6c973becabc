using Microsoft.Extensions.Logging;

namespace Shared.Logging;

/// <summary>The logger factory of a stdio server: stderr only, no DI container, the MCP SDK held to warnings.</summary>
internal static class StderrLogging
{
    /// <summary>
    /// <c>LoggerFactory.Create</c> would build a DI container just to hold one provider. The SDK logs every request at
    /// Information; only its warnings and errors are worth a stdio server's stderr.
    /// </summary>
    public static LoggerFactory CreateFactory(LogLevel minimumLevel)
    {
        var filter = new LoggerFilterOptions { MinLevel = minimumLevel };
        filter.Rules.Add(new LoggerFilterRule(providerName: null, categoryName: "ModelContextProtocol", LogLevel.Warning, filter: null));
        return new LoggerFactory([new StderrLoggerProvider(LogLevel.Trace)], filter);
    }
}
