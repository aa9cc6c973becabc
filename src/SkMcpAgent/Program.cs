using SkMcpAgent;
using SkMcpAgent.Core.Conversations;
using SkMcpAgent.Core.Sessions;
using SkMcpAgent.Hosting;
using SkMcpAgent.Repl;
using SkMcpAgent.Session;

StartupTrace.EnableFrom(Environment.GetEnvironmentVariable, Console.Error);
StartupTrace.Mark("main entered");
Console.OutputEncoding = System.Text.Encoding.UTF8;
var setup = new SessionSetup
{
    HistoryFile = RadLineReader.DefaultHistoryFile(),
    ConversationFolder = ConversationStore.DefaultFolder,
    ProcessEndsWithSession = true,
};
var exitCode = await AgentApp.RunAsync(args, ConsoleHost.FromSystem(), setup);
StartupTrace.MarkEnd();
StartupTrace.Mark("main returns");
return exitCode;
