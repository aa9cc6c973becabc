using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Core.Plugins;
using SkMcpAgent.Core.Providers;

namespace SkMcpAgent.Core.Tests.Fakes;

/// <summary>An agent on a kernel made of a fake model and fake functions, as <c>AgentRuntime</c> makes real ones.</summary>
public static class TestAgent
{
    public static ChatAgent Create(IChatClient chatClient, FakeFunctionSource functions, ChatAgentOptions options, IAgentEventSink events, ILoggerFactory? loggerFactory = null)
    {
        var builder = Kernel.CreateBuilder();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.AddAgentChatClient(chatClient, loggerFactory);
        foreach (var plugin in functions.CreatePlugins())
        {
            builder.Plugins.Add(plugin);
        }

        return new ChatAgent(builder.Build(), options, events);
    }

    /// <summary>An agent on a kernel the test built itself.</summary>
    public static ChatAgent Create(Kernel kernel, ChatAgentOptions options, IAgentEventSink events) => new(kernel, options, events);

    /// <summary>
    /// An agent on a kernel as the product builds it (<c>AgentRuntime</c>): the provider's real SDK client and the
    /// hub's servers as plugins.
    /// </summary>
    public static ChatAgent ForProvider(ProviderSettings settings, McpServerHub hub, ChatAgentOptions options, IAgentEventSink events, ILoggerFactory? loggerFactory = null)
    {
        // As AgentRuntime does: no logger factory among the kernel's services (the connector would log raw error bodies).
        var builder = Kernel.CreateBuilder();
        builder.Plugins.AddMcpServers(hub);
        builder.AddChatProvider(settings, loggerFactory);
        return new ChatAgent(builder.Build(), options, events, loggerFactory);
    }
}
