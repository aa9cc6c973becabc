using SkMcpAgent;
using SkMcpAgent.Core.Sessions;
using SkMcpAgent.Hosting;
using SkMcpAgent.Repl;
using SkMcpAgent.Session;

StartupTrace.EnableFrom(Environment.GetEnvironmentVariable, Console.Error);
StartupTrace.Mark("main entered");
Console.OutputEncoding = System.Text.Encoding.UTF8;
var exitCode = await AgentApp.RunAsync(args, ConsoleHost.FromSystem(), new SessionSetup { HistoryFile = RadLineReader.DefaultHistoryFile(), ProcessEndsWithSession = true });
StartupTrace.MarkEnd();
StartupTrace.Mark("main returns");
return exitCode;
