using SkMcpAgent;
using SkMcpAgent.Core.Conversations;
using SkMcpAgent.Hosting;
using SkMcpAgent.Repl;
using SkMcpAgent.Session;

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await AgentApp.RunAsync(args, ConsoleHost.FromSystem(), new SessionSetup { HistoryFile = RadLineReader.DefaultHistoryFile(), ConversationFolder = ConversationStore.DefaultFolder });
