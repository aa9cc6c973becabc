using System.Globalization;
using Spectre.Console;
using SkMcpAgent.Core.Conversations;

namespace SkMcpAgent.Rendering;

/// <summary>Saved conversations as <c>--resume</c> and <c>/resume</c> list them: number, id, when, turns, title.</summary>
public static class ConversationList
{
    /// <summary>At most this many are listed; older ones are still found by id.</summary>
    public const int MaxShown = 20;

    /// <summary>Writes the numbered list on stdout; <paramref name="current"/> (the REPL's conversation) is marked.</summary>
    public static void Render(Terminal terminal, IReadOnlyList<ConversationInfo> conversations, DateTimeOffset now, string? current = null)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(conversations);
        for (var index = 0; index < Math.Min(conversations.Count, MaxShown); index++)
        {
            var conversation = conversations[index];
            var mark = string.Equals(conversation.Id, current, StringComparison.Ordinal) ? " [grey](current)[/]" : string.Empty;
            terminal.WriteOutMarkupLine(
                $"{index + 1,3}  [bold]{conversation.ShortId}[/]  {When(conversation.UpdatedAt, now),-12} {Turns(conversation.Turns),9}  " +
                $"{Markup.Escape(TextSummary.OneLine(conversation.Title, 70))}{mark}");
        }

        if (conversations.Count > MaxShown)
        {
            terminal.WriteOutMarkupLine($"[grey]  … and {conversations.Count - MaxShown} older (--resume <id> finds any of them)[/]");
        }
    }

    /// <summary>One line for a conversation just continued: id, title, turns and age.</summary>
    public static string Resumed(ConversationInfo conversation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return $"Resumed conversation [bold]{conversation.ShortId}[/]: {Markup.Escape(TextSummary.OneLine(conversation.Title, 70))} " +
            $"[grey]({Turns(conversation.Turns)}, {When(conversation.UpdatedAt, now)})[/]";
    }

    public static string Turns(int turns) => turns == 1 ? "1 turn" : $"{turns} turns";

    /// <summary>How long ago, as people say it: "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date.</summary>
    public static string When(DateTimeOffset time, DateTimeOffset now)
    {
        var age = now - time;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} h ago",
            { TotalDays: < 2 } => "yesterday",
            { TotalDays: < 30 } => $"{(int)age.TotalDays} days ago",
            _ => time.ToLocalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
