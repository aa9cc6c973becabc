using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpHttpHosting.Tests;

[McpServerToolType]
public sealed class EchoTools(RequestScopedThing thing)
{
    [McpServerTool(Name = "echo"), Description("Echoes the message.")]
    public string Echo(string message) => $"{message} ({thing.Name})";
}
