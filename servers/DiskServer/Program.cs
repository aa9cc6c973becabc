using DiskServer;
using DiskServer.Logging;
using DiskServer.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

// A stdio MCP server built without the generic host: the host's configuration, DI and lifetime services cost
// start-up time and this server needs none of them (see README, "Start-up time").
// LoggerFactory.Create would build a DI container just to hold one provider.
using var loggerFactory = new LoggerFactory([new StderrLoggerProvider(LogLevel.Information)], new LoggerFilterOptions { MinLevel = LogLevel.Information });

DiskToolsOptions toolsOptions;
try
{
    toolsOptions = DiskToolsOptions.FromEnvironment(loggerFactory);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

var serverOptions = DiskMcpServer.CreateOptions(toolsOptions);
await using var transport = new StdioServerTransport(serverOptions, loggerFactory);
await using var server = McpServer.Create(transport, serverOptions, loggerFactory);

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};

Log.Started(loggerFactory.CreateLogger("DiskServer"), DiskMcpServer.Version, toolsOptions.ScanBudget.TotalSeconds);
try
{
    await server.RunAsync(stopping.Token);
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
}

return 0;
