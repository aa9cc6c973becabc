using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Agents;

/// <summary>
/// A conversation made acceptable to any provider, for a switch from one to another (OpenAI ↔ Anthropic) in the middle
/// of it. Each provider's adapter leaves its own traces in the messages it returns: raw SDK objects, reasoning blocks
/// with a signature only that provider can check, empty text parts, call ids in its own format. Only what every
/// provider reads is kept: text, function calls and their results (call ids rewritten where another provider would
/// refuse them, the same way for a call and its result), and images or links the user gave.
/// </summary>
internal static partial class PortableHistory
{
    public static List<ChatMessage> From(IEnumerable<ChatMessage> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        List<ChatMessage> portable = [];
        foreach (var message in history)
        {
            List<AIContent> contents = [.. message.Contents.Select(Portable).OfType<AIContent>()];
            // Anthropic refuses a message without content (say, an assistant turn that only reasoned).
            if (contents.Count > 0)
            {
                portable.Add(new ChatMessage(message.Role, contents));
            }
        }

        return portable;
    }

    /// <summary>
    /// A call id both families accept: Anthropic takes only letters, digits, <c>_</c> and <c>-</c>; OpenAI at most 40
    /// characters. Others (an OpenAI-compatible server's <c>call:0</c>, a long one) become <c>call_</c> and a hash of
    /// the original, so a call and its result still match.
    /// </summary>
    public static string CallId(string callId)
    {
        ArgumentNullException.ThrowIfNull(callId);
        if (AcceptedCallId().IsMatch(callId))
        {
            return callId;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(callId));
        return "call_" + Convert.ToHexStringLower(hash)[..32];
    }

    private static AIContent? Portable(AIContent content) => content switch
    {
        TextContent text => string.IsNullOrEmpty(text.Text) ? null : new TextContent(text.Text),
        FunctionCallContent call => new FunctionCallContent(CallId(call.CallId), call.Name, call.Arguments),
        FunctionResultContent result => new FunctionResultContent(CallId(result.CallId), result.Result),
        DataContent or UriContent => content,
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex AcceptedCallId();
}
