using Spectre.Console;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Repl;

/// <summary>The REPL commands for what the agent offers servers as a client: roots and OAuth logins.</summary>
public sealed partial class ReplSession
{
    private async Task LoginAsync(SlashCommand command, bool login, CancellationToken cancellationToken)
    {
        if (command.FirstArgument is not { } name || FindServers(name) is not [var server])
        {
            if (command.FirstArgument is null)
            {
                _terminal.Error($"Usage: /{command.Name} <server>.");
            }

            return;
        }

        if (server.Tokens is null)
        {
            _terminal.Error($"'{server.Name}' does not use OAuth (a stdio server, \"oauth\": false, or a static Authorization header).");
            return;
        }

        if (login)
        {
            await server.LoginAsync(cancellationToken);
            _terminal.WriteOutMarkupLine($"{ToolListRenderer.ServerLine(server)}");
            return;
        }

        var forgotten = await server.LogoutAsync(cancellationToken);
        _terminal.WriteOutMarkupLine(forgotten
            ? $"Logged out of {Markup.Escape(server.Name)}: its tokens are deleted; the next use asks to authorize again."
            : $"No tokens were stored for {Markup.Escape(server.Name)}.");
    }

    /// <summary><c>/roots</c> lists each server's roots; <c>/roots add|remove PATH</c> changes those for every server.</summary>
    private async Task RootsAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        if (command.Arguments is [var verb, var path] && verb is "add" or "remove")
        {
            var uri = RootUris.FromPathOrUri(path, Directory.GetCurrentDirectory());
            if (uri is null)
            {
                _terminal.Error($"'{path}' is not a folder path or a file:// URI.");
                return;
            }

            var roots = _session.Hub.Options.Roots.Where(r => r != uri).ToList();
            if (verb == "add")
            {
                roots.Add(uri);
            }

            await _session.Hub.SetRootsAsync(roots, cancellationToken);
        }
        else if (command.Arguments.Count > 0)
        {
            _terminal.Error("Usage: /roots, /roots add <path>, /roots remove <path>.");
            return;
        }

        foreach (var server in _session.Hub.Servers)
        {
            var roots = server.DeclaredRoots();
            _terminal.WriteOutMarkupLine(roots.Count == 0
                ? $"  [bold]{Markup.Escape(server.Name)}[/] [grey]no roots (the server uses its own configuration)[/]"
                : $"  [bold]{Markup.Escape(server.Name)}[/] {Markup.Escape(string.Join(" ", roots))}");
        }
    }

    /// <summary>
    /// Commands that read servers wait for those still connecting, rather than answering "No prompts." a moment too
    /// early. Ctrl+C stops the wait; the command then answers with the servers ready so far.
    /// </summary>
    private Task WaitBeforeServerCommandAsync(CancellationToken cancellationToken) =>
        WaitForServersAsync("Ctrl+C stops waiting", grace: null, static late => $"stopped waiting; without {late}", cancellationToken);
}
