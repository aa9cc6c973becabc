using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Tests.Fakes;

/// <summary>Short ways to write what the fake model answers.</summary>
public static class Responses
{
    public static ChatResponse Text(string text, UsageDetails? usage = null) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { Usage = usage };

    public static ChatResponse Calls(params FunctionCallContent[] calls) =>
        new(new ChatMessage(ChatRole.Assistant, [.. calls]));

    public static FunctionCallContent Call(string callId, string name, object? arguments = null) =>
        new(callId, name, arguments is null ? null : ToDictionary(arguments));

    private static Dictionary<string, object?> ToDictionary(object arguments) =>
        arguments as Dictionary<string, object?> ??
        arguments.GetType().GetProperties().ToDictionary(static p => p.Name, p => p.GetValue(arguments));
}
