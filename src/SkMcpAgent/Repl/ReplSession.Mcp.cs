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
            IList<ModelContextProtocol.Client.McpClientResource> resources;
            try
            {
                resources = await server.ListResourcesAsync(cancellationToken);
            }
            catch (McpException ex)
            {
                _terminal.WriteOutMarkupLine($"[grey]{Markup.Escape(server.Name)}: no resources ({Markup.Escape(TextSummary.OneLine(ex.Message, 80))})[/]");
                continue;
            }

            foreach (var resource in resources)
            {
                any = true;
                var description = string.IsNullOrEmpty(resource.Description) ? string.Empty : " " + TextSummary.OneLine(resource.Description, 80);
                _terminal.WriteOutMarkupLine($"  [bold]{Markup.Escape(server.Name)}[/] {Markup.Escape(resource.Uri)} [grey]{Markup.Escape(resource.Name)}{Markup.Escape(description)}[/]");
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
            IList<ModelContextProtocol.Client.McpClientPrompt> prompts;
            try
            {
                prompts = await server.ListPromptsAsync(cancellationToken);
            }
            catch (McpException)
            {
                continue;
            }

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
        var arguments = command.NamedArguments(1, out var invalid);
        if (invalid.Count > 0)
        {
            _terminal.Error($"Prompt arguments are name=value; not understood: {string.Join(' ', invalid)}");
            return;
        }

        foreach (var server in ReadyServers())
        {
            var prompts = await server.ListPromptsAsync(cancellationToken);
            if (!prompts.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal)))
            {
                continue;
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

        _terminal.Error($"No ready server offers a prompt named '{name}'. /prompts lists them.");
    }
}
