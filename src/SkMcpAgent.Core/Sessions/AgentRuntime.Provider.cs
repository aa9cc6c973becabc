using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Providers;

namespace SkMcpAgent.Core.Sessions;

public sealed partial class AgentRuntime
{
    // The client of the last provider switch: this runtime owns it (the kernel owns the one it was built with).
    private IChatClient? _switchedClient;

    /// <summary>
    /// Switches the model provider to the one <paramref name="envFile"/> describes (the REPL's <c>/env</c>), keeping the
    /// conversation and the servers. The file is read and checked exactly as <c>--env-file</c> is (variables in the
    /// process environment win, and messages say where each value came from), and the new client is built, before
    /// anything changes: on any error the current provider stays. The model is the file's (<c>--model</c> named one
    /// for the first provider). Starting without a provider, this creates the agent.
    /// </summary>
    /// <exception cref="AgentConfigurationException">The file is missing or invalid, or configures no provider.</exception>
    public ProviderSettings SwitchProvider(string envFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(envFile);

        var env = EnvFile.Load(envFile, _options.CurrentDirectory, givenWith: "/env");
        var settings = ProviderSettingsLoader.Load(env.Variables, env.FilePath, env.ProcessNames)
            ?? throw new AgentConfigurationException(ProviderSettingsLoader.MissingProviderHint(env.FilePath));
        var client = ChatClientFactory.Create(settings, _options.LoggerFactory);

        if (Agent is { } agent)
        {
            agent.UseProvider(client, settings.DisplayName, ProviderLimits.MaxFunctionsPerRequest(settings));
        }
        else
        {
            // Without a model the kernel got the call filters for direct calls; the agent adds them with its own.
            Kernel.FunctionInvocationFilters.Clear();
            Agent = CreateAgent(Kernel, client, _options, settings, Approval);
        }

        var previous = _switchedClient;
        _switchedClient = client;
        previous?.Dispose();
        Provider = settings;
        MissingProviderHint = null;
        EnvFilePath = env.FilePath;
        Hub.Options.SamplingClient = client;
        Hub.Options.MaxSamplingTokens = settings.MaxOutputTokens;
        return settings;
    }
}
