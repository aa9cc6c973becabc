using Spectre.Console;
using SkMcpAgent.Cli;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Repl;

public sealed partial class ReplSession
{
    public static readonly IReadOnlyList<(string Usage, string Description)> Commands =
    [
        ("/help", "this list"),
        ("/tools [server]", "functions of every ready server (with parameters for one server)"),
        ("/servers", "each server's state, transport and function count"),
        ("/mcp", "the same as /servers (the name other MCP clients use)"),
        ("/model [name]", "show the model, or use another one of the same provider (the conversation is kept)"),
        ("/env [file]", "show the env file and provider, or switch provider by env file (the conversation is kept)"),
        ("/reconnect [server]", "restart one server, or all"),
        ("/resources [server]", "resources and resource templates the servers offer; /resources <server> <uri> reads one"),
        ("/prompts", "prompts the servers offer"),
        ("/prompt [server:]<name> [arg=value ...]", "put a server prompt into the conversation (and answer it)"),
        ("/roots [add|remove <path>]", "the folders declared to servers as roots; change them for all"),
        ("/login <server>", "authorize with a remote server again (OAuth, in the browser)"),
        ("/logout <server>", "forget a remote server's OAuth tokens"),
        ("/clear", "forget the conversation"),
        ("/save <file>", "save the conversation as JSON"),
        ("/load <file>", "replace the conversation with a saved one"),
        ("/resume [number|id]", "list this folder's saved conversations, or continue one (the current one stays saved)"),
        ("/approve [auto|ask|deny]", "show or change how function calls are approved"),
        ("/last", "the full arguments and results of the last answer's function calls"),
        ("/usage", "tokens used by this session (the provider's count)"),
        ("/exit", "quit (also Ctrl+D)"),
    ];

    private void SetModel(string? name)
    {
        if (_session.Agent is not { } agent)
        {
            _terminal.Error(_session.MissingProviderHint ?? "No LLM provider is configured.");
            return;
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            agent.ModelId = name;
        }

        _terminal.WriteOutMarkupLine($"Model: [bold]{Markup.Escape(_session.Model ?? "(unknown)")}[/] ({Markup.Escape(_session.ProviderName ?? "no provider")})");
    }

    /// <summary>Runs one slash command; false when the session should end.</summary>
    public async Task<bool> ExecuteAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            switch (command.Name)
            {
                case "exit" or "quit" or "q":
                    return false;
                case "help" or "?":
                    ShowHelp();
                    break;
                case "tools":
                    await WaitBeforeServerCommandAsync(cancellationToken);
                    ShowTools(command.FirstArgument);
                    break;
                case "servers" or "mcp":
                    ShowServers();
                    break;
                case "model":
                    SetModel(command.FirstArgument);
                    break;
                case "env":
                    SwitchEnv(command.FirstArgument);
                    break;
                case "reconnect":
                    await ReconnectAsync(command.FirstArgument, cancellationToken);
                    break;
                case "resources":
                    await WaitBeforeServerCommandAsync(cancellationToken);
                    await ShowResourcesAsync(command, cancellationToken);
                    break;
                case "prompts":
                    await WaitBeforeServerCommandAsync(cancellationToken);
                    await ShowPromptsAsync(cancellationToken);
                    break;
                case "prompt":
                    await WaitBeforeServerCommandAsync(cancellationToken);
                    await UsePromptAsync(command, cancellationToken);
                    break;
                case "login" or "logout":
                    await LoginAsync(command, command.Name == "login", cancellationToken);
                    break;
                case "roots":
                    await RootsAsync(command, cancellationToken);
                    break;
                case "clear" or "save" or "load" or "last":
                    await ConversationCommandAsync(command, cancellationToken);
                    break;
                case "resume":
                    await ResumeCommandAsync(command, cancellationToken);
                    break;
                case "approve":
                    SetApproval(command.FirstArgument);
                    break;
                case "usage":
                    ShowUsage();
                    break;
                default:
                    _terminal.Error($"Unknown command '/{command.Name}'. Type /help for the list.");
                    break;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _terminal.WriteErrMarkupLine("[yellow](cancelled)[/]");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ReportError(ex);
        }

        return true;
    }

    private void ShowHelp()
    {
        foreach (var (usage, description) in Commands)
        {
            _terminal.WriteOutMarkupLine($"  [bold]{Markup.Escape(usage.PadRight(32))}[/] {Markup.Escape(description)}");
        }

        _terminal.WriteOutMarkupLine("  Anything else is a question for the model. End a line with \\ to continue it on the next.");
    }

    private void ShowTools(string? serverName)
    {
        if (FindServers(serverName) is { } servers)
        {
            ToolListRenderer.Render(_terminal, _session.Hub, servers, details: serverName is not null);
        }
    }

    private void ShowServers()
    {
        foreach (var server in _session.Hub.Servers)
        {
            var where = server.Config.Url ?? string.Join(' ', new[] { server.Config.Command ?? string.Empty }.Concat(server.Config.Args));
            _terminal.WriteOutMarkupLine($"{ToolListRenderer.ServerLine(server)} [grey]({server.Config.Transport.ToString().ToLowerInvariant()}: {Markup.Escape(TextSummary.OneLine(where, 80))})[/]");
        }

        if (_session.Hub.Servers.Count == 0)
        {
            _terminal.WriteOutMarkupLine("No MCP servers configured.");
        }
    }

    private async Task ReconnectAsync(string? serverName, CancellationToken cancellationToken)
    {
        if (serverName is not null && FindServers(serverName) is null)
        {
            return;
        }

        _terminal.WriteOutMarkupLine(serverName is null ? "Reconnecting every server…" : $"Reconnecting {Markup.Escape(serverName)}…");
        await _session.Hub.ReconnectAsync(serverName, cancellationToken);
        ShowServers();
    }

    private void SetApproval(string? mode)
    {
        if (mode is not null)
        {
            _session.Approval.Mode = AgentCommandLine.ParseApprovalMode(mode)
                ?? throw new ArgumentException($"Unknown approval mode '{mode}': use auto, ask or deny.");
        }

        _terminal.WriteOutMarkupLine($"Approval: {_session.Approval.Mode.ToString().ToLowerInvariant()}");
    }

    /// <summary>The named server, or every server; null (after saying so) when the name is unknown.</summary>
    private List<McpServerConnection>? FindServers(string? serverName)
    {
        var servers = _session.Hub.Servers
            .Where(s => serverName is null || string.Equals(s.Name, serverName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (serverName is not null && servers.Count == 0)
        {
            _terminal.Error($"No MCP server named '{serverName}'. Known: {string.Join(", ", _session.Hub.Servers.Select(static s => s.Name))}.");
            return null;
        }

        return servers;
    }

    private IEnumerable<McpServerConnection> ReadyServers(string? serverName = null) =>
        (FindServers(serverName) ?? []).Where(static s => s.State == ServerState.Ready);

    private ChatAgent? RequireAgent()
    {
        if (_session.Agent is null)
        {
            _terminal.Error(_session.MissingProviderHint ?? "No LLM provider is configured.");
        }

        return _session.Agent;
    }
}
