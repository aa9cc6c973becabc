using Microsoft.Extensions.AI;
using ModelContextProtocol;
using Spectre.Console;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Repl;

public sealed partial class ReplSession
{
    private async Task ShowResourcesAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var serverName = command.FirstArgument;
        if (command.Arguments.Count >= 2)
        {
            foreach (var server in ReadyServers(serverName))
            {
                var result = await server.ReadResourceAsync(command.Arguments[1], cancellationToken);
                foreach (var content in result.Contents)
                {
                    var text = content is ModelContextProtocol.Protocol.TextResourceContents t ? t.Text : $"[binary {content.MimeType ?? "data"}]";
                    _terminal.WriteAnswer(text.EndsWith('\n') ? text : text + Environment.NewLine);
                }
            }

            return;
        }

        var any = false;
        foreach (var server in ReadyServers(serverName))
        {
            var resources = await server.ListResourcesAsync(cancellationToken);
            var templates = await server.ListResourceTemplatesAsync(cancellationToken);
            foreach (var resource in resources)
            {
                any = true;
                var description = string.IsNullOrEmpty(resource.Description) ? string.Empty : " " + TextSummary.OneLine(resource.Description, 80);
                _terminal.WriteOutMarkupLine($"  [bold]{Markup.Escape(server.Name)}[/] {Markup.Escape(resource.Uri)} [grey]{Markup.Escape(resource.Name)}{Markup.Escape(description)}[/]");
            }

            foreach (var template in templates)
            {
                any = true;
                var description = string.IsNullOrEmpty(template.Description) ? string.Empty : " " + TextSummary.OneLine(template.Description, 80);
                _terminal.WriteOutMarkupLine($"  [bold]{Markup.Escape(server.Name)}[/] {Markup.Escape(template.UriTemplate)} [grey](template) {Markup.Escape(template.Name)}{Markup.Escape(description)}[/]");
            }

            if (serverName is not null && resources.Count == 0 && templates.Count == 0)
            {
                any = true;
                _terminal.WriteOutMarkupLine($"{Markup.Escape(server.Name)} offers no resources.");
            }
        }

        if (!any)
        {
            _terminal.WriteOutMarkupLine("No resources.");
        }
    }

    private async Task ShowPromptsAsync(CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var server in ReadyServers())
        {
            var prompts = await server.ListPromptsAsync(cancellationToken);

            foreach (var prompt in prompts)
            {
                any = true;
                var arguments = prompt.ProtocolPrompt.Arguments?.Select(static a => a.Required == true ? a.Name : a.Name + "?") ?? [];
                _terminal.WriteOutMarkupLine(
                    $"  [bold]{Markup.Escape(prompt.Name)}[/]({Markup.Escape(string.Join(", ", arguments))}) [grey]{Markup.Escape(server.Name)}: {Markup.Escape(TextSummary.OneLine(prompt.Description, 80))}[/]");
            }
        }

        if (!any)
        {
            _terminal.WriteOutMarkupLine("No prompts.");
        }
    }

    /// <summary>
    /// Gets a server prompt and puts its messages into the conversation. When it ends with a user message, that message
    /// is asked as the next question, as if typed.
    /// </summary>
    private async Task UsePromptAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        if (command.Arguments.Count == 0)
        {
            _terminal.Error("Usage: /prompt <name> [arg=value ...]. /prompts lists them.");
            return;
        }

        var name = command.Arguments[0];
        string? onlyServer = null;
        if (name.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && FindServers(name[..colon]) is not null)
        {
            onlyServer = name[..colon];
            name = name[(colon + 1)..];
        }
        else if (name.Contains(':', StringComparison.Ordinal))
        {
            return;
        }

        var arguments = command.NamedArguments(1, out var invalid);
        if (invalid.Count > 0)
        {
            _terminal.Error($"Prompt arguments are name=value; not understood: {string.Join(' ', invalid)}");
            return;
        }

        foreach (var server in ReadyServers(onlyServer))
        {
            var prompts = await server.ListPromptsAsync(cancellationToken);
            if (prompts.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal)) is not { } prompt)
            {
                continue;
            }

            var missing = prompt.ProtocolPrompt.Arguments?.Where(a => a.Required == true && !arguments.ContainsKey(a.Name)).Select(static a => a.Name).ToList() ?? [];
            if (missing.Count > 0)
            {
                _terminal.Error($"Prompt '{name}' ({server.Name}) needs {string.Join(", ", missing)}: /prompt {server.Name}:{name} {string.Join(' ', missing.Select(static m => m + "=..."))}");
                return;
            }

            var result = await server.GetPromptAsync(name, arguments.ToDictionary(static a => a.Key, static a => (object?)a.Value), cancellationToken);
            var messages = result.ToChatMessages().ToList();
            if (RequireAgent() is not { } agent)
            {
                return;
            }

            var last = messages.Count > 0 ? messages[^1] : null;
            if (last is not null && last.Role == ChatRole.User && last.Contents.All(static c => c is TextContent))
            {
                agent.AddMessages(messages.Take(messages.Count - 1));
                _terminal.WriteOutMarkupLine($"[grey]prompt {Markup.Escape(name)} from {Markup.Escape(server.Name)}: {Markup.Escape(TextSummary.OneLine(last.Text, 100))}[/]");
                await AskAsync(last.Text, cancellationToken);
            }
            else
            {
                agent.AddMessages(messages);
                _terminal.WriteOutMarkupLine($"Added {messages.Count} message(s) from prompt {Markup.Escape(name)} ({Markup.Escape(server.Name)}).");
            }

            return;
        }

        _terminal.Error(onlyServer is null
            ? $"No ready server offers a prompt named '{name}'. /prompts lists them."
            : $"'{onlyServer}' offers no prompt named '{name}' (or is not ready). /prompts lists them.");
    }
}
