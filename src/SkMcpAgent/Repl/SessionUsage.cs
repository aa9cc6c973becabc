using System.Globalization;
using Microsoft.Extensions.AI;

namespace SkMcpAgent.Repl;

/// <summary>
/// Tokens used by the REPL session, summed over its turns from what the provider reported for each
/// (<see cref="Core.Agents.ChatAgent.LastUsage"/>, the numbers <c>--json</c> prints), and the lines that show them.
/// </summary>
public sealed class SessionUsage
{
    public long InputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    /// <summary>Turns whose provider reported usage.</summary>
    public int ReportedTurns { get; private set; }

    /// <summary>Turns whose provider reported none (some compatible servers never do).</summary>
    public int UnreportedTurns { get; private set; }

    /// <summary>Adds one turn; <paramref name="turn"/> is null when the provider reported no usage.</summary>
    public void Add(UsageDetails? turn)
    {
        if (turn is null || (turn.InputTokenCount is null && turn.OutputTokenCount is null))
        {
            UnreportedTurns++;
            return;
        }

        ReportedTurns++;
        InputTokens += turn.InputTokenCount ?? 0;
        OutputTokens += turn.OutputTokenCount ?? 0;
    }

    /// <summary>The line after an answer: the turn's tokens, then the session's.</summary>
    public string TurnLine(UsageDetails? turn)
    {
        var thisTurn = turn is null || (turn.InputTokenCount is null && turn.OutputTokenCount is null)
            ? "usage not reported"
            : $"{Tokens(turn.InputTokenCount)} in, {Tokens(turn.OutputTokenCount)} out";
        return ReportedTurns == 0 ? $"tokens: {thisTurn}" : $"tokens: {thisTurn} · session {Tokens(InputTokens)} in, {Tokens(OutputTokens)} out";
    }

    /// <summary>What <c>/usage</c> shows.</summary>
    public string Summary()
    {
        if (ReportedTurns == 0)
        {
            return UnreportedTurns == 0 ? "No questions asked yet." : "Token usage not reported by the provider.";
        }

        var summary = $"Session: {Tokens(InputTokens)} input + {Tokens(OutputTokens)} output = {Tokens(InputTokens + OutputTokens)} tokens over {Turns(ReportedTurns)}";
        return UnreportedTurns == 0 ? summary + "." : summary + $" (usage not reported for {Turns(UnreportedTurns)} more).";
    }

    private static string Tokens(long? count) => (count ?? 0).ToString("N0", CultureInfo.InvariantCulture);

    private static string Turns(int count) => count == 1 ? "1 turn" : $"{count} turns";
}
