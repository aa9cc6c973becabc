using System.Runtime.InteropServices;
using DiskServer;
using DiskServer.Logging;
using DiskServer.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

// A stdio MCP server built without the generic host: the host's configuration, DI and lifetime services cost
// start-up time and this server needs none of them (see README, "Start-up time").
// LoggerFactory.Create would build a DI container just to hold one provider. The SDK logs every request at
// Information; only its warnings and errors are worth a stdio server's stderr.
var filter = new LoggerFilterOptions { MinLevel = LogLevel.Information };
filter.Rules.Add(new LoggerFilterRule(providerName: null, categoryName: "ModelContextProtocol", LogLevel.Warning, filter: null));
using var loggerFactory = new LoggerFactory([new StderrLoggerProvider(LogLevel.Trace)], filter);

DiskToolsOptions toolsOptions;
try
{
    toolsOptions = DiskToolsOptions.FromEnvironment(loggerFactory);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"disk: {ex.Message}");
    return 2;
}

var serverOptions = DiskMcpServer.CreateOptions(toolsOptions);
await using var transport = new StdioServerTransport(serverOptions, loggerFactory);
await using var server = McpServer.Create(transport, serverOptions, loggerFactory);

// Ctrl+C and SIGTERM end the server cleanly; closing stdin ends it too (RunAsync returns).
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopping.Cancel();
});

Log.Started(loggerFactory.CreateLogger("DiskServer"), DiskMcpServer.Version, toolsOptions.ScanBudget.TotalSeconds);
try
{
    await server.RunAsync(stopping.Token);
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
}

return 0;
