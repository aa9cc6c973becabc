using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace SkMcpAgent.Core.Providers.ChatCompletions;

/// <summary>
/// Stands in for Microsoft.Extensions.AI.OpenAI (not available here): an <see cref="IChatClient"/> over the
/// OpenAI SDK's Chat Completions <see cref="ChatClient"/>, for OpenAI, Azure OpenAI v1 and compatible servers.
/// </summary>
public static class OpenAIChatClientExtensions
{
    public static IChatClient AsIChatClient(this ChatClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new OpenAIChatClient(client);
    }
}
