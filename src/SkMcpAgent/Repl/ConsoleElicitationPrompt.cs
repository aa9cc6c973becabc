using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Spectre.Console;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Core.Mcp.Auth;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Repl;

/// <summary>
/// A server's <c>elicitation/create</c> as a short form on the terminal: one line per field (Enter keeps the
/// default, skips an optional field), then accept / decline / cancel. A URL request asks before opening the browser.
/// End of input cancels.
/// </summary>
public sealed class ConsoleElicitationPrompt(Terminal terminal, ILineReader reader) : IElicitationPrompt
{
    private static readonly ElicitResult s_cancel = new() { Action = "cancel" };

    public async Task<ElicitResult> AskAsync(string serverName, ElicitRequestParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        terminal.WriteErrMarkupLine($"[yellow]?[/] [bold]{Markup.Escape(serverName)}[/] asks: {Markup.Escape(request.Message)}");
        if (string.Equals(request.Mode, "url", StringComparison.Ordinal) && request.Url is { } url)
        {
            var open = await ReadDecisionAsync(TerminalText.Sanitize($"  Open {url} in the browser? [y] yes, [n] decline, [c] cancel: "), cancellationToken);
            if (open == "accept" && Uri.TryCreate(url, UriKind.Absolute, out var uri) && !BrowserOpener.TryOpen(uri, Environment.GetEnvironmentVariable("BROWSER")))
            {
                terminal.WriteErrMarkupLine($"  Open {Markup.Escape(url)} yourself, please.");
            }

            return new ElicitResult { Action = open };
        }

        var content = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var required = request.RequestedSchema?.Required ?? [];
        foreach (var (name, field) in request.RequestedSchema?.Properties ?? new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>())
        {
            var value = await ReadFieldAsync(name, field, required.Contains(name), cancellationToken);
            if (value.Cancelled)
            {
                return s_cancel;
            }

            if (value.Value is { } answer)
            {
                content[name] = answer;
            }
        }

        var action = await ReadDecisionAsync("  Send? [y] accept, [n] decline, [c] cancel: ", cancellationToken);
        return action == "accept" ? new ElicitResult { Action = action, Content = content } : new ElicitResult { Action = action };
    }

    private async Task<(JsonElement? Value, bool Cancelled)> ReadFieldAsync(
        string name, ElicitRequestParams.PrimitiveSchemaDefinition field, bool required, CancellationToken cancellationToken)
    {
        var choices = ElicitationForms.Choices(field);
        for (var i = 0; i < choices.Count; i++)
        {
            var (value, label) = choices[i];
            terminal.WriteErrMarkupLine(string.Create(CultureInfo.InvariantCulture, $"    {i + 1}. {Markup.Escape(label)}{(label == value ? string.Empty : $" ({Markup.Escape(value)})")}"));
        }

        var fallback = ElicitationForms.DefaultOf(field);
        var hint = fallback is { } d ? $" [{d.ToString().Trim('"')}]" : required ? " (required)" : " (optional)";
        var description = string.IsNullOrWhiteSpace(field.Description) ? string.Empty : $" - {field.Description}";
        while (true)
        {
            // The prompt is the server's text: made terminal-safe here, as the reader writes it as it is.
            var text = await reader.ReadLineAsync(TerminalText.Sanitize($"  {field.Title ?? name} ({field.Type}){description}{hint}: "), cancellationToken);
            if (text is null)
            {
                return (null, true);
            }

            if (text.Trim().Length == 0)
            {
                if (fallback is not null || !required)
                {
                    return (fallback, false);
                }

                terminal.WriteErrMarkupLine("  This field is required.");
                continue;
            }

            var parsed = ElicitationForms.Parse(field, text, out var error);
            if (parsed is not null)
            {
                return (parsed, false);
            }

            terminal.WriteErrMarkupLine($"  {Markup.Escape(error ?? "not valid")}.");
        }
    }

    private async Task<string> ReadDecisionAsync(string question, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await reader.ReadLineAsync(question, cancellationToken);
            switch (answer?.Trim().ToUpperInvariant())
            {
                case null or "C" or "CANCEL":
                    return "cancel";
                case "Y" or "YES" or "A" or "ACCEPT":
                    return "accept";
                case "N" or "NO" or "D" or "DECLINE":
                    return "decline";
                default:
                    terminal.WriteErrMarkupLine("  Please answer y, n or c.");
                    break;
            }
        }
    }
}
