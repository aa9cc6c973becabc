using Spectre.Console;
using SkMcpAgent.Cli;
using SkMcpAgent.Core;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Hosting;
using SkMcpAgent.Rendering;
using SkMcpAgent.Session;

namespace SkMcpAgent.Modes;

/// <summary>
/// <c>mcp list</c>: which server-list files were looked for, which one was read, and the servers it gave, without
/// starting any server (<c>tools</c> starts them).
/// </summary>
public static class McpListMode
{
    public static int Run(AgentOptions options, Terminal terminal, SessionSetup setup)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(setup);
        var host = terminal.Host;
        var variables = EnvFile.Load(options.EnvFile, host.CurrentDirectory).Variables;
        if (options.ConfigFile is { } given)
        {
            var inline = ConfigLocator.IsInlineJson(given);
            var label = inline ? McpConfigLoader.InlineLabel : Path.GetFullPath(given, host.CurrentDirectory);
            WriteSource(terminal, label, "read (--config)", Read(() => inline
                ? McpConfigLoader.LoadJson(given, host.CurrentDirectory, variables)
                : McpConfigLoader.Load(label, variables)));
            return ExitCodes.Success;
        }

        var userFile = setup.UserConfigFile ?? ConfigLocator.UserConfigFile(host.GetEnvironmentVariable);
        var used = ConfigLocator.Resolve(null, host.CurrentDirectory, setup.BaseDirectory, userFile);
        foreach (var candidate in ConfigLocator.Candidates(host.CurrentDirectory, userFile))
        {
            if (!File.Exists(candidate))
            {
                WriteSource(terminal, candidate, "not found", null);
            }
            else if (string.Equals(candidate, used, StringComparison.Ordinal))
            {
                WriteSource(terminal, candidate, "read", Read(() => McpConfigLoader.Load(candidate, variables)));
            }
            else
            {
                WriteSource(terminal, candidate, "not read: the file above it is used", null);
            }
        }

        if (used is not null && !ConfigLocator.Candidates(host.CurrentDirectory, userFile).Contains(used))
        {
            WriteSource(terminal, used, "read (the repository's, since none of the above exists)", Read(() => McpConfigLoader.Load(used, variables)));
        }
        else if (used is null)
        {
            terminal.WriteOutMarkupLine("No server list found: the agent runs without MCP servers (give one with --config).");
        }

        return ExitCodes.Success;
    }

    /// <summary>"name (transport)" for each server, or the reason the file could not be read.</summary>
    private static string Read(Func<IReadOnlyList<McpServerConfig>> load)
    {
        try
        {
            var servers = load();
            return servers.Count == 0
                ? "no servers"
                : string.Join(", ", servers.Select(static s => $"{s.Name} ({s.Transport.ToString().ToLowerInvariant()}{(s.Disabled ? ", disabled" : string.Empty)})"));
        }
        catch (AgentConfigurationException ex)
        {
            return "error: " + ex.Message;
        }
    }

    private static void WriteSource(Terminal terminal, string path, string state, string? servers)
    {
        var mark = state.StartsWith("read", StringComparison.Ordinal) ? "[green]✓[/]" : "[grey]·[/]";
        terminal.WriteOutMarkupLine($"{mark} {Markup.Escape(path)}: {Markup.Escape(state)}");
        if (servers is not null)
        {
            terminal.WriteOutMarkupLine($"    servers: {Markup.Escape(servers)}");
        }
    }
}
