using Microsoft.Extensions.Logging;
using SkMcpAgent.Cli;
using SkMcpAgent.Core;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Core.Sessions;
using SkMcpAgent.Hosting;
using SkMcpAgent.Rendering;

namespace SkMcpAgent.Session;

/// <summary>
/// Everything one run of the agent uses: the Core's <see cref="AgentRuntime"/> (env file, provider, kernel,
/// servers, agent) plus what only the console has (the terminal, the event renderer, the logs).
/// </summary>
public sealed class AgentSession : IAsyncDisposable
{
    public const string DefaultSystemPrompt = AgentRuntime.DefaultSystemPrompt;

    private readonly AgentRuntime _runtime;
    private readonly SessionSetup _setup;
    private readonly IDisposable _termination;

    private AgentSession(AgentRuntime runtime, Terminal terminal, EventRenderer events, ILoggerFactory loggerFactory, SessionSetup setup, string? configPath)
    {
        _runtime = runtime;
        _setup = setup;
        Terminal = terminal;
        Events = events;
        LoggerFactory = loggerFactory;
        ConfigPath = configPath;

        // On SIGTERM the servers stop with their process trees before the process ends, helpers outside the trees
        // included: a supervisor that sent it may take the agent's end as the end of everything it started.
        _termination = terminal.Host.Termination.Register(() =>
        {
            runtime.Hub.Options.ProcessEndsOnDispose = false;
            return runtime.Hub.DisposeAsync().AsTask();
        });
    }

    public Terminal Terminal { get; }

    public EventRenderer Events { get; }

    public McpServerHub Hub => _runtime.Hub;

    /// <summary>The Core's session: the kernel, its functions, and direct calls through the kernel's filters.</summary>
    public AgentRuntime Runtime => _runtime;

    public ApprovalPolicy Approval => _runtime.Approval;

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The agent; null when no provider is configured (the REPL then offers only server commands).</summary>
    public ChatAgent? Agent => _runtime.Agent;

    /// <summary>The provider's display name and model, for the banner and the JSON output.</summary>
    public string? ProviderName => _runtime.Provider?.DisplayName ?? (Agent is null ? null : _setup.ProviderName);

    public string? Model => Agent?.ModelId ?? _runtime.Provider?.Model ?? (Agent is null ? null : _setup.Model);

    /// <summary>Why there is no agent: one line naming the variable and the file.</summary>
    public string? MissingProviderHint => _runtime.MissingProviderHint;

    /// <summary>The env file the provider was read from (full path); null when none was read.</summary>
    public string? EnvFilePath => _runtime.EnvFilePath;

    /// <summary>
    /// Switches to the provider <paramref name="envFile"/> describes, keeping the conversation and the servers; on
    /// any error (an <see cref="AgentConfigurationException"/> naming the file and variable) nothing changes.
    /// </summary>
    public void SwitchProvider(string envFile) => _runtime.SwitchProvider(envFile);

    /// <summary>The server list loaded, or null when none was found.</summary>
    public string? ConfigPath { get; }

    /// <summary>
    /// Builds the session. With <paramref name="withModel"/> false (tools, call) no provider is read at all, so a
    /// missing or broken provider setup does not matter; without <paramref name="modelRequired"/> (the REPL) a missing or
    /// incomplete provider becomes <see cref="MissingProviderHint"/>; with it, a missing provider is a
    /// configuration error before any server starts. The servers are started before this returns.
    /// </summary>
    /// <param name="inputs">Asks for VS Code <c>${input:id}</c> values (the REPL); null: only the environment supplies them.</param>
    /// <param name="clientInBackground">The REPL: the provider's client is built while the prompt shows (see <see cref="AgentRuntimeOptions.BuildsChatClientInBackground"/>).</param>
    public static AgentSession Create(
        AgentOptions options, Terminal terminal, EventRenderer events, SessionSetup setup, bool withModel, bool modelRequired = false, IMcpInputSource? inputs = null,
        bool clientInBackground = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(setup);
        var host = terminal.Host;

        var inlineConfig = ConfigLocator.IsInlineJson(options.ConfigFile) ? options.ConfigFile : null;
        var configPath = inlineConfig is not null ? null
            : ConfigLocator.Resolve(options.ConfigFile, host.CurrentDirectory, setup.BaseDirectory, setup.UserConfigFile ?? ConfigLocator.UserConfigFile(host.GetEnvironmentVariable));
        if (options.ConfigFile is not null && inlineConfig is null && !File.Exists(configPath))
        {
            throw new AgentConfigurationException($"MCP server list not found: {configPath} (given with --config).");
        }

        var loggerFactory = Logging.Create(options.Verbose, terminal);
        try
        {
            var runtime = AgentRuntime.Create(new AgentRuntimeOptions
            {
                CurrentDirectory = host.CurrentDirectory,
                Inputs = inputs,
                EnvFile = options.EnvFile,
                ConfigPath = configPath,
                ConfigJson = inlineConfig,
                WithModel = withModel,
                ModelRequired = modelRequired,
                ChatClient = withModel ? setup.ChatClient : null,
                BuildsChatClientInBackground = clientInBackground,
                SystemPrompt = options.SystemPrompt,
                Model = options.Model,
                MaxRounds = options.MaxRounds,
                FunctionTimeout = options.ToolTimeout,
                Approval = options.Approve ?? ApprovalMode.Auto,
                Roots = options.Roots,
                ProcessEndsOnDispose = setup.ProcessEndsWithSession,
                Events = events,
                LoggerFactory = loggerFactory,
            });
            var session = new AgentSession(runtime, terminal, events, loggerFactory, setup, configPath ?? (inlineConfig is null ? null : McpConfigLoader.InlineLabel));
            events.FunctionCount = session.FunctionCount;
            return session;
        }
        catch
        {
            loggerFactory.Dispose();
            throw;
        }
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
        _termination.Dispose();
        await _runtime.DisposeAsync();
        LoggerFactory.Dispose();
    }
}
