using Spectre.Console;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Repl;

public sealed partial class ReplSession
{
    private async Task ConversationCommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        if (RequireAgent() is not { } agent)
        {
            return;
        }

        switch (command.Name)
        {
            case "clear":
                agent.Clear();
                Conversations.Autosave?.StartNew();
                _terminal.WriteOutMarkupLine("Conversation cleared.");
                break;
            case "save" or "load" when command.Arguments.Count != 1:
                _terminal.Error($"Usage: /{command.Name} <file>");
                break;
            case "save":
                var savePath = Path.GetFullPath(command.Arguments[0], _terminal.Host.CurrentDirectory);
                await agent.SaveAsync(savePath, cancellationToken);
                _terminal.WriteOutMarkupLine($"Saved {agent.History.Count(static m => m.Role != Microsoft.Extensions.AI.ChatRole.System)} messages to {Markup.Escape(savePath)}.");
                break;
            case "load":
                var loadPath = Path.GetFullPath(command.Arguments[0], _terminal.Host.CurrentDirectory);
                await agent.LoadAsync(loadPath, cancellationToken);
                Conversations.Autosave?.StartNew();
                _terminal.WriteOutMarkupLine($"Loaded {agent.History.Count(static m => m.Role != Microsoft.Extensions.AI.ChatRole.System)} messages from {Markup.Escape(loadPath)}.");
                break;
            default:
                ShowLastCalls(agent.LastTurnCalls);
                break;
        }
    }

    private void ShowLastCalls(IReadOnlyList<Core.Agents.FunctionCallRecord> calls)
    {
        if (calls.Count == 0)
        {
            _terminal.WriteOutMarkupLine("The last answer called no functions.");
            return;
        }

        foreach (var call in calls)
        {
            var status = call.Succeeded ? "[green]ok[/]" : "[red]error[/]";
            _terminal.WriteOutMarkupLine(
                $"[bold]{Markup.Escape(call.Function)}[/] [grey]({Markup.Escape(call.Server ?? "local")})[/] {status} {TextSummary.Duration(call.Duration)}");
            _terminal.WriteOutMarkupLine($"[grey]arguments:[/] {Markup.Escape(Output.JsonOutput.Serialize(call.Arguments).ReplaceLineEndings(" "))}");
            _terminal.WriteAnswer(call.Result.EndsWith('\n') ? call.Result : call.Result + Environment.NewLine);
        }
    }
}
