using Spectre.Console;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Repl;

/// <summary>
/// Asks for a VS Code <c>${input:id}</c> at REPL start, once per session: typed without echo (shown as *) when the
/// input is a <c>password</c>; a plain line from stdin when there is no terminal (scripted sessions).
/// </summary>
public sealed class ReplInputPrompt(Terminal terminal) : IMcpInputSource
{
    private readonly Dictionary<string, string?> _answers = new(StringComparer.Ordinal);

    public string? Ask(McpInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_answers.TryGetValue(input.Id, out var known))
        {
            return known;
        }

        // The description comes from the file: shown with its control characters made visible.
        var label = TerminalText.Sanitize($"{input.Description ?? input.Id} (${{input:{input.Id}}})");
        string? value;
        if (terminal.Host.SupportsLineEditing)
        {
            var prompt = new TextPrompt<string>(Markup.Escape(label) + ":").AllowEmpty();
            value = terminal.CreateLineEditorConsole().Prompt(input.Password ? prompt.Secret() : prompt);
        }
        else
        {
            terminal.Host.Output.Write(label + ": ");
            value = terminal.Host.Input.ReadLine();
            terminal.Host.Output.WriteLine();
            terminal.Host.Output.Flush();
        }

        _answers[input.Id] = value;
        return value;
    }
}
