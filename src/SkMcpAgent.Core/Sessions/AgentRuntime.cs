using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Filters;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Core.Plugins;
using SkMcpAgent.Core.Providers;

namespace SkMcpAgent.Core.Sessions;

/// <summary>
/// One whole agent session, built in the order that fails fastest: env file, provider settings, server list, then
/// the kernel (chat client, one plugin per MCP server), the servers (started in the background) and the agent.
/// The console and the tests build sessions here alike.
/// </summary>
public sealed partial class AgentRuntime : IAsyncDisposable
{
    public const string DefaultSystemPrompt =
        "You are a helpful assistant in a terminal. You can call tools from MCP servers; use them when they help answer, " +
        "and answer from their results. Be concise.";

    private readonly AgentRuntimeOptions _options;
    // The provider's client built on the thread pool (AgentRuntimeOptions.BuildsChatClientInBackground); disposed with the session.
    private Task<IChatClient>? _backgroundClient;

    private AgentRuntime(McpServerHub hub, Kernel kernel, ApprovalPolicy approval, AgentRuntimeOptions options)
    {
        Hub = hub;
        Kernel = kernel;
        Approval = approval;
        _options = options;
    }

    public McpServerHub Hub { get; }

    /// <summary>The session's kernel: the chat client (when there is a model) and one plugin per MCP server.</summary>
    public Kernel Kernel { get; }

    public ApprovalPolicy Approval { get; }

    /// <summary>The agent; null when no provider is configured (only server commands then).</summary>
    public ChatAgent? Agent { get; private set; }

    /// <summary>The provider settings read from the env file, if any.</summary>
    public ProviderSettings? Provider { get; private set; }

    /// <summary>Why there is no agent: one line naming the variable and the file.</summary>
    public string? MissingProviderHint { get; private set; }

    /// <summary>The env file the variables were read from (full path); null when none was read.</summary>
    public string? EnvFilePath { get; private set; }

    /// <summary>
    /// Builds the session and starts its servers. Throws <see cref="AgentConfigurationException"/> for a bad env
    /// file or server list (and, with <see cref="AgentRuntimeOptions.ModelRequired"/>, for a missing provider).
    /// </summary>
    public static AgentRuntime Create(AgentRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        StartupTrace.Mark("session: building");
        var env = EnvFile.Load(options.EnvFile, options.CurrentDirectory);
        var (settings, hint) = options.WithModel && options.ChatClient is null
            ? ReadProvider(WithModel(env, options.Model), options.ModelRequired)
            : (null, null);
        var readOptions = new McpConfigReadOptions
        {
            Inputs = options.Inputs,
            Warn = (server, message) => options.Events.Publish(new ServerWarning(server, message)),
        };
        var servers = options.ConfigJson is not null
            ? McpConfigLoader.LoadJson(options.ConfigJson, options.CurrentDirectory, env.Variables, readOptions)
            : options.ConfigPath is null ? [] : McpConfigLoader.Load(options.ConfigPath, env.Variables, readOptions);
        StartupTrace.Mark("session: env file, provider settings and server list read");

        var approval = new ApprovalPolicy(options.Approval);
        var hubOptions = new McpHubOptions
        {
            Approval = approval,
            Roots = [.. options.Roots.Select(root => RootUris.FromPathOrUri(root, options.CurrentDirectory)
                ?? throw new AgentConfigurationException($"--root '{root}' must be a folder path or a file:// URI."))],
            MaxSamplingTokens = settings?.MaxOutputTokens,
            ProcessEndsOnDispose = options.ProcessEndsOnDispose,
        };
        var hub = new McpServerHub(servers, hubOptions, options.Events, options.LoggerFactory);

        // The servers start now, in the background: their processes and handshakes overlap the kernel's set-up.
        hub.Start();
        StartupTrace.Mark("session: servers starting");
        // No ILoggerFactory among the kernel's services: the connectors would add M.E.AI's logging client, which logs
        // providers' raw error bodies (a rejected key echoed back). The agent and the provider get it explicitly.
        var builder = Kernel.CreateBuilder();
        builder.Plugins.AddMcpServers(hub);
        if (options.ChatClient is { } chatClient)
        {
            builder.AddAgentChatClient(chatClient, options.LoggerFactory);
        }
        else if (settings is not null && !options.BuildsChatClientInBackground)
        {
            builder.AddChatProvider(settings, options.LoggerFactory);
        }

        var kernel = builder.Build();
        StartupTrace.Mark("session: kernel built");
        ChatAgent? agent = null;
        Task<IChatClient>? pendingClient = null;
        if (settings is not null && options.ChatClient is null && options.BuildsChatClientInBackground)
        {
            // The client on a kernel of its own, as /env builds one; the agent's kernel keeps its functions and filters.
            pendingClient = Task.Run(() =>
            {
                var client = ChatClientFactory.Create(settings, options.LoggerFactory);
                hubOptions.SamplingClient = client;
                StartupTrace.Mark("session: chat client built");
                return client;
            });
            agent = CreateAgent(kernel, pendingClient, options, settings, approval);
        }
        else if (kernel.Services.GetService<IChatClient>() is { } client)
        {
            StartupTrace.Mark("session: chat client built");
            // Servers that ask for sampling use the same model (its retries and error messages, not its tools).
            hubOptions.SamplingClient = client;
            agent = CreateAgent(kernel, client, options, settings, approval);
        }
        else
        {
            // No model (tools, call): a function called directly runs under the same timeout as the model's calls,
            // and its failures become results the same way.
            kernel.FunctionInvocationFilters.AddCallFilters(options.FunctionTimeout);
        }

        StartupTrace.Mark("session: built");
        return new AgentRuntime(hub, kernel, approval, options) { Agent = agent, Provider = settings, MissingProviderHint = hint, EnvFilePath = env.FilePath, _backgroundClient = pendingClient };
    }

    /// <summary>The kernel function the model knows as <paramref name="qualifiedName"/> (<c>server_tool</c>), if any.</summary>
    public KernelFunction? FindFunction(string qualifiedName) =>
        Kernel.Plugins.SelectMany(static p => p).FirstOrDefault(f => string.Equals(f.QualifiedName(), qualifiedName, StringComparison.Ordinal));

    /// <summary>
    /// Calls one function through the kernel, as the model's calls run: within the function timeout, failures (and
    /// a timeout) as an error result (<see cref="FunctionOutcome.IsError"/>). Only <paramref name="cancellationToken"/>
    /// ends it with <see cref="OperationCanceledException"/>, at once even if the server never answers.
    /// </summary>
    public async Task<FunctionResult> InvokeFunctionAsync(KernelFunction function, IDictionary<string, object?> arguments, IAgentEventSink events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(events);
        using var scope = FunctionCallScope.Enter("call", function.QualifiedName(), Kernel.FindServer(function)?.Name, events);
        return await Kernel.InvokeAsync(function, new KernelArguments(arguments), cancellationToken)
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        StartupTrace.Mark("session: stopping servers");
        await Hub.DisposeAsync().ConfigureAwait(false);
        StartupTrace.Mark("session: servers stopped");
        Approval.Dispose();
        _switchedClient?.Dispose();
        if (_backgroundClient is { IsCompletedSuccessfully: true } built)
        {
            built.Result.Dispose();
        }
    }

    private static ChatAgent CreateAgent(Kernel kernel, IChatClient client, AgentRuntimeOptions options, ProviderSettings? settings, ApprovalPolicy approval) =>
        new(kernel, client, AgentOptions(options, settings, approval), options.Events, options.LoggerFactory);

    private static ChatAgent CreateAgent(Kernel kernel, Task<IChatClient> pendingClient, AgentRuntimeOptions options, ProviderSettings settings, ApprovalPolicy approval) =>
        new(kernel, pendingClient, AgentOptions(options, settings, approval), options.Events, options.LoggerFactory);

    private static ChatAgentOptions AgentOptions(AgentRuntimeOptions options, ProviderSettings? settings, ApprovalPolicy approval)
    {
        var agentOptions = new ChatAgentOptions
        {
            SystemPrompt = options.SystemPrompt ?? settings?.SystemPrompt ?? DefaultSystemPrompt,
            Approval = approval,
            FunctionTimeout = options.FunctionTimeout,
            MaxFunctionsPerRequest = settings is null ? null : ProviderLimits.MaxFunctionsPerRequest(settings),
            ProviderName = settings?.DisplayName,
        };
        if (options.MaxRounds is int rounds)
        {
            agentOptions.MaxRounds = rounds;
        }

        return agentOptions;
    }

    /// <summary>The variables with <paramref name="model"/> as every provider's model variable (the one in use reads it).</summary>
    private static EnvFileResult WithModel(EnvFileResult env, string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return env;
        }

        var variables = new Dictionary<string, string?>(env.Variables, StringComparer.Ordinal)
        {
            [ProviderVariables.OpenAIModel] = model,
            [ProviderVariables.AnthropicModel] = model,
            [ProviderVariables.AzureDeployment] = model,
        };
        return env with { Variables = variables };
    }

    private static (ProviderSettings? Settings, string? Hint) ReadProvider(EnvFileResult env, bool modelRequired)
    {
        ProviderSettings? settings = null;
        string? hint;
        try
        {
            settings = ProviderSettingsLoader.Load(env.Variables, env.FilePath, env.ProcessNames);
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

        return (settings, hint);
    }
}
