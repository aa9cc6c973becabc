using DiskServer;
using DiskServer.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Shared.Hosting;
using Shared.Logging;

// A stdio MCP server built without the generic host: the host's configuration, DI and lifetime services cost
// start-up time and this server needs none of them (see README, "Start-up time").
using var loggerFactory = StderrLogging.CreateFactory(LogLevel.Information);

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

Log.Started(loggerFactory.CreateLogger("DiskServer"), DiskMcpServer.Version, toolsOptions.ScanBudget.TotalSeconds);

// Ctrl+C and SIGTERM end the server cleanly; closing stdin ends it too.
await StdioServerLifetime.RunAsync(server, CancellationToken.None);

return 0;
