using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Tests.Fakes;

/// <summary>One request the fake client received: a snapshot of the messages and the options.</summary>
public sealed record FakeChatRequest(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)
{
    public IEnumerable<FunctionResultContent> Results => Messages.SelectMany(static m => m.Contents).OfType<FunctionResultContent>();

    public string ResultFor(string callId) => (string)Results.Single(r => r.CallId == callId).Result!;
}
