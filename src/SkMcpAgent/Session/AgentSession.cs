using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using SkMcpAgent.Cli;
using SkMcpAgent.Core;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Hosting;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Session;

/// <summary>
/// Everything one run of the agent uses, built from the options in the order that fails fastest: env file, provider
/// settings, server list, then the servers (started in the background) and the agent.
/// </summary>
public sealed class AgentSession : IAsyncDisposable
{
    public const string DefaultSystemPrompt =
        "You are a helpful assistant in a terminal. You can call tools from MCP servers; use them when they help answer, " +
        "and answer from their results. Be concise.";

    private AgentSession(Terminal terminal, EventRenderer events, McpServerHub hub, ApprovalPolicy approval, ILoggerFactory loggerFactory)
    {
        Terminal = terminal;
        Events = events;
        Hub = hub;
        Approval = approval;
        LoggerFactory = loggerFactory;
    }

    public Terminal Terminal { get; }

    public EventRenderer Events { get; }

    public McpServerHub Hub { get; }

    public ApprovalPolicy Approval { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The agent; null when no provider is configured (the REPL then offers only server commands).</summary>
    public ChatAgent? Agent { get; private set; }

    /// <summary>The provider's display name and model, for the banner and the JSON output.</summary>
    public string? ProviderName { get; private set; }

    public string? Model { get; private set; }

    /// <summary>Why there is no agent: one line naming the variable and the file.</summary>
    public string? MissingProviderHint { get; private set; }

    /// <summary>The server list loaded, or null when none was found.</summary>
    public string? ConfigPath { get; private set; }

    /// <summary>
    /// Builds the session. With <paramref name="withModel"/> false (tools, call) no provider is read at all, so a
    /// missing or broken provider setup does not matter; without <paramref name="modelRequired"/> (the REPL) a missing or
    /// incomplete provider becomes <see cref="MissingProviderHint"/>; with it, a missing provider is a
    /// configuration error before any server starts. The servers are started before this returns.
    /// </summary>
    public static AgentSession Create(AgentOptions options, Terminal terminal, EventRenderer events, SessionSetup setup, bool withModel, bool modelRequired = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(setup);
        var host = terminal.Host;

        var env = EnvFile.Load(options.EnvFile, host.CurrentDirectory);
        ProviderSettings? settings = null;
        string? hint = null;
        if (withModel && setup.ChatClient is null)
        {
            try
            {
                settings = ProviderSettingsLoader.Load(env.Variables, env.FilePath);
                hint = settings is null ? ProviderSettingsLoader.MissingProviderHint(env.FilePath) : null;
            }
            catch (AgentConfigurationException ex) when (!modelRequired)
            {
                // A half-filled env file (say .env.example copied without its key) must not keep the REPL from
                // starting: the servers still work, and the banner says what to fix.
                hint = ex.Message;
            }

            if (hint is not null && modelRequired)
            {
                throw new AgentConfigurationException(hint);
            }
        }

        var configPath = ConfigLocator.Resolve(options.ConfigFile, host.CurrentDirectory, setup.BaseDirectory);
        if (options.ConfigFile is not null && !File.Exists(configPath))
        {
            throw new AgentConfigurationException($"MCP server list not found: {configPath} (given with --config).");
        }

        var servers = configPath is null ? [] : McpConfigLoader.Load(configPath, env.Variables);

        var loggerFactory = Logging.Create(options.Verbose);
        var approval = new ApprovalPolicy(options.Approve ?? ApprovalMode.Auto);
        var hubOptions = new McpHubOptions { Approval = approval, RootDirectory = host.CurrentDirectory };
        var hub = new McpServerHub(servers, hubOptions, events, loggerFactory);
        var session = new AgentSession(terminal, events, hub, approval, loggerFactory)
        {
            ConfigPath = configPath,
            MissingProviderHint = hint,
        };
        events.FunctionCount = session.FunctionCount;

        IChatClient? chatClient = setup.ChatClient;
        if (chatClient is null && settings is not null)
        {
            chatClient = ChatClientFactory.Create(settings, loggerFactory);
        }

        if (chatClient is not null)
        {
            hubOptions.SamplingClient = chatClient;
            var agentOptions = new ChatAgentOptions
            {
                SystemPrompt = options.SystemPrompt ?? settings?.SystemPrompt ?? DefaultSystemPrompt,
                Approval = approval,
            };
            if (options.MaxRounds is int rounds)
            {
                agentOptions.MaxRounds = rounds;
            }

            session.Agent = new ChatAgent(chatClient, hub, agentOptions, events, loggerFactory);
            session.ProviderName = settings?.DisplayName ?? setup.ProviderName;
            session.Model = settings?.Model ?? setup.Model;
        }

        hub.Start();
        return session;
    }

    /// <summary>How many functions a server offers now (for the "ready" line).</summary>
    public int? FunctionCount(string serverName) =>
        Hub.Servers.FirstOrDefault(s => string.Equals(s.Name, serverName, StringComparison.Ordinal))?.Functions.Count;

    /// <summary>Enabled servers that are down; with <see cref="AllServersDown"/> the run has no tools at all.</summary>
    public IReadOnlyList<McpServerConnection> FailedServers =>
        Hub.Servers.Where(static s => s.State == ServerState.Failed).ToList();

    /// <summary>True when servers are configured and enabled but none of them is ready.</summary>
    public bool AllServersDown
    {
        get
        {
            var enabled = Hub.Servers.Where(static s => !s.Config.Disabled).ToList();
            return enabled.Count > 0 && enabled.All(static s => s.State == ServerState.Failed);
        }
    }

    public string DescribeFailures() =>
        string.Join("; ", FailedServers.Select(static s => $"{s.Name}: {s.FailureReason ?? "failed"}"));

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        Approval.Dispose();
        LoggerFactory.Dispose();
    }
}
