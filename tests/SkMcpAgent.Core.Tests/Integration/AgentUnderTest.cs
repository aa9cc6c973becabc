using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing.Logging;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Core.Tests.Mcp;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>
/// One agent built as the console builds it: env file, provider settings, a kernel with the provider's real SDK
/// client (which also answers the servers' sampling requests) and the shared hub's servers as plugins.
/// </summary>
public sealed class AgentUnderTest : IDisposable
{
    private AgentUnderTest(ProviderSettings settings, IChatClient client, ChatAgent agent, RecordingEventSink events, CapturingLoggerFactory logs)
    {
        Settings = settings;
        Client = client;
        Agent = agent;
        Events = events;
        Logs = logs;
    }

    public ProviderSettings Settings { get; }

    public IChatClient Client { get; }

    public ChatAgent Agent { get; }

    public RecordingEventSink Events { get; }

    /// <summary>What the agent, its middleware and the provider client logged, at every level.</summary>
    public CapturingLoggerFactory Logs { get; }

    public static AgentUnderTest Create(IntegrationFixture fixture, LlmProvider provider, Action<ChatAgentOptions>? configure = null)
    {
        var envFile = fixture.WriteEnvFile(provider);
        var env = EnvFile.Load(envFile, fixture.Directory);
        var settings = ProviderSettingsLoader.Load(env.Variables, env.FilePath)
            ?? throw new InvalidOperationException($"{envFile} configured no provider.");
        Assert.Equal(provider, settings.Provider);

        var logs = new CapturingLoggerFactory();
        var events = new RecordingEventSink();
        var options = new ChatAgentOptions
        {
            SystemPrompt = "You are a test agent. Use the tools.",
            Approval = new ApprovalPolicy(ApprovalMode.Auto),
        };
        configure?.Invoke(options);
        var agent = TestAgent.ForProvider(settings, fixture.Hub, options, events, logs);
        var client = agent.Kernel.GetRequiredService<IChatClient>();
        fixture.Hub.Options.SamplingClient = client;
        return new AgentUnderTest(settings, client, agent, events, logs);
    }

    /// <summary>Runs one turn streaming or not, and returns the text of the model's final answer.</summary>
    public async Task<string> AskAsync(string question, bool streaming, CancellationToken cancellationToken)
    {
        if (!streaming)
        {
            var response = await Agent.RunAsync(question, cancellationToken);
            return response.Messages[^1].Text;
        }

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in Agent.RunStreamingAsync(question, cancellationToken))
        {
            updates.Add(update);
        }

        // The answer is the text streamed after the last Tool update (the function results).
        var lastTool = updates.FindLastIndex(u => u.Role == ChatRole.Tool);
        return string.Concat(updates.Skip(lastTool + 1).Select(u => u.Text));
    }

    public void Dispose() => Client.Dispose();
}
