using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace SkMcpAgent.Core.Agents;

/// <summary>Kernel registrations for a chat client that is not one of the configured providers (a test's fake, say).</summary>
public static class AgentKernelBuilderExtensions
{
    /// <summary>
    /// Registers <paramref name="chatClient"/> as the kernel's chat client, with SK's automatic function invocation
    /// around it, as the provider registrations do (<see cref="Providers.ChatClientFactory.AddChatProvider"/>).
    /// </summary>
    public static IKernelBuilder AddAgentChatClient(this IKernelBuilder builder, IChatClient chatClient, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(chatClient);

        builder.Services.AddSingleton(services => chatClient.AsBuilder().UseKernelFunctionInvocation(loggerFactory).Build(services));
        return builder;
    }
}
