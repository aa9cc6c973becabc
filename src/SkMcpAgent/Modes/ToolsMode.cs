using SkMcpAgent.Cli;
using SkMcpAgent.Core;
using SkMcpAgent.Output;
using SkMcpAgent.Rendering;
using SkMcpAgent.Session;

namespace SkMcpAgent.Modes;

/// <summary><c>tools [server]</c>: starts the servers, waits for them, lists them. No model, no env file needed.</summary>
public static class ToolsMode
{
    public static async Task<int> RunAsync(string? serverFilter, AgentOptions options, Terminal terminal, SessionSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var events = new EventRenderer(terminal) { ShowServerEvents = false, ShowFailedServers = false, ShowFunctionCalls = false };
        await using var session = AgentSession.Create(options, terminal, events, setup, withModel: false);
        var servers = session.Hub.Servers
            .Where(s => serverFilter is null || string.Equals(s.Name, serverFilter, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (serverFilter is not null && servers.Count == 0)
        {
            throw new AgentConfigurationException(
                $"No MCP server named '{serverFilter}' in {session.ConfigPath ?? "the configuration"}. Known: {string.Join(", ", session.Hub.Servers.Select(static s => s.Name))}.");
        }

        await session.Hub.WaitForAllAsync(cancellationToken);
        if (options.Json)
        {
            JsonOutput.Write(terminal.Host.Output, ToolListRenderer.ToJson(session.Hub, servers));
        }
        else if (servers.Count == 0)
        {
            terminal.Diagnostic(session.ConfigPath is null
                ? "No MCP servers: no mcp.json here or at the repository root (use --config)."
                : $"No MCP servers in {Spectre.Console.Markup.Escape(session.ConfigPath)}.");
        }
        else
        {
            ToolListRenderer.Render(terminal, session.Hub, servers);
        }

        return session.AllServersDown ? ExitCodes.RuntimeError : ExitCodes.Success;
    }
}
