using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using OpenAI;

namespace SkMcpAgent.Core.Providers;

/// <summary>
/// Puts the configured provider's chat client into a kernel. OpenAI, Azure OpenAI and OpenAI-compatible servers go
/// through <c>Microsoft.SemanticKernel.Connectors.OpenAI</c>'s <see cref="IChatClient"/> registration (the path that
/// keeps function arguments' JSON types and lets the round limit be set); Claude through the Anthropic SDK's
/// <see cref="IChatClient"/>, given the same kernel function invocation. Around both: LLM_TEMPERATURE /
/// LLM_MAX_OUTPUT_TOKENS defaults and the mapping of failures to <see cref="ProviderException"/>.
/// </summary>
public static class ChatClientFactory
{
    /// <summary>The scope Azure OpenAI accepts Microsoft Entra ID tokens for.</summary>
    public const string AzureCognitiveServicesScope = "https://cognitiveservices.azure.com/.default";

    // The SDK's client, registered under this key; the kernel's default IChatClient wraps it.
    private const string ProviderClientKey = "skmcpagent.provider";

    // OpenAI-compatible local servers ignore the key, but the SDK insists on one.
    private const string PlaceholderApiKey = "no-key";

    /// <summary>
    /// Registers the provider as the kernel's <see cref="IChatClient"/>: the provider's SDK (retrying 429/5xx and
    /// network failures itself, honouring Retry-After), SK's automatic function invocation, the settings' defaults,
    /// and the mapping of what is left of failures to <see cref="ProviderException"/>.
    /// </summary>
    public static IKernelBuilder AddChatProvider(this IKernelBuilder builder, ProviderSettings settings, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(typeof(ChatClientFactory).FullName!);

        if (settings.Provider == LlmProvider.Anthropic)
        {
            builder.Services.AddKeyedSingleton(ProviderClientKey, (services, _) =>
                CreateAnthropic(settings).AsBuilder()
                    .UseKernelFunctionInvocation(loggerFactory)
                    .Use(static inner => new DeclareHistoryToolsChatClient(inner))
                    .Use(inner => new StreamEndChatClient(inner, settings))
                    .Build(services));
        }
        else
        {
            // M.E.AI.OpenAI's adapter with SK's function invocation. The registration adds M.E.AI's logging when the
            // kernel's services hold an ILoggerFactory, and that logs the SDK's raw exception, whose message carries
            // the error body where providers echo a rejected key: the kernel is built without one (AgentRuntime), and
            // failures are logged once, redacted, by ProviderErrorChatClient.
            builder.Services.AddOpenAIChatClient(settings.Model, CreateOpenAI(settings), ProviderClientKey);
        }

        builder.Services.AddSingleton<IChatClient>(services => new ProviderErrorChatClient(
            new ProviderDefaultsChatClient(services.GetRequiredKeyedService<IChatClient>(ProviderClientKey), settings),
            settings,
            logger));

        ProviderLog.ClientCreated(
            logger, settings.DisplayName, settings.Model, settings.EndpointHost,
            settings.ApiKey is not null ? "API key" : settings.Provider == LlmProvider.AzureOpenAI ? "Microsoft Entra ID" : "none",
            settings.Timeout, settings.MaxRetries);
        return builder;
    }

    /// <summary>The provider's chat client on a kernel of its own: for callers that want only the model (and tests).</summary>
    public static IChatClient Create(ProviderSettings settings, ILoggerFactory? loggerFactory = null)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddChatProvider(settings, loggerFactory);
        return builder.Build().GetRequiredService<IChatClient>();
    }

    /// <summary>The Azure OpenAI v1 endpoint for a resource endpoint: <c>{endpoint}/openai/v1/</c>.</summary>
    public static Uri AzureV1Endpoint(Uri resourceEndpoint)
    {
        ArgumentNullException.ThrowIfNull(resourceEndpoint);
        var text = resourceEndpoint.ToString().TrimEnd('/');
        return new Uri(text.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase) ? text + "/" : text + "/openai/v1/");
    }

    /// <summary>The classic Azure OpenAI deployment endpoint: <c>{endpoint}/openai/deployments/{deployment}/</c>.</summary>
    public static Uri AzureDeploymentEndpoint(Uri resourceEndpoint, string deployment)
    {
        ArgumentNullException.ThrowIfNull(resourceEndpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(deployment);
        return new Uri(resourceEndpoint.ToString().TrimEnd('/') + "/openai/deployments/" + Uri.EscapeDataString(deployment) + "/");
    }

    private static OpenAIClient CreateOpenAI(ProviderSettings settings)
    {
        if (settings.Provider != LlmProvider.AzureOpenAI)
        {
            return new OpenAIClient(new ApiKeyCredential(settings.ApiKey ?? PlaceholderApiKey), PipelineOptions(settings, settings.Endpoint));
        }

        // On the v1 endpoint the deployment name goes where the model name would; the deployments path names it in
        // the address and wants an api-version.
        var apiVersion = settings.AzureApiVersion;
        var options = PipelineOptions(
            settings,
            apiVersion is null ? AzureV1Endpoint(settings.Endpoint!) : AzureDeploymentEndpoint(settings.Endpoint!, settings.Model));
        if (apiVersion is not null)
        {
            options.AddPolicy(new AzureApiVersionPolicy(apiVersion), PipelinePosition.PerCall);
        }

        // Azure documents the key in the api-key header, and Entra ID tokens as a bearer token for Cognitive Services.
        AuthenticationPolicy authentication = settings.ApiKey is { } key
            ? ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(new ApiKeyCredential(key), "api-key")
            : new BearerTokenPolicy(new DefaultAzureCredential(), AzureCognitiveServicesScope);
#pragma warning disable OPENAI001 // The AuthenticationPolicy constructor is marked for evaluation; it is the SDK's documented way to use Entra ID.
        return new OpenAIClient(authentication, options);
#pragma warning restore OPENAI001
    }

    private static IChatClient CreateAnthropic(ProviderSettings settings)
    {
        AnthropicJson.Prepare();
        var options = new Anthropic.Core.ClientOptions
        {
            ApiKey = settings.ApiKey,
            MaxRetries = settings.MaxRetries,
            Timeout = settings.Timeout,
        };
        if (settings.Endpoint is { } baseUrl)
        {
            options.BaseUrl = baseUrl.ToString().TrimEnd('/');
        }

        return new AnthropicClient(options).AsIChatClient(settings.Model, settings.MaxOutputTokens);
    }

    private static OpenAIClientOptions PipelineOptions(ProviderSettings settings, Uri? endpoint)
    {
        var options = new OpenAIClientOptions
        {
            RetryPolicy = new RetryAfterPolicy(settings.MaxRetries),
            NetworkTimeout = settings.Timeout,
        };
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }

        // A stream cut off before data: [DONE] is an error, not a complete response (nothing can sit lower on this path).
        options.AddPolicy(new StreamEndPolicy(settings), PipelinePosition.PerCall);

        return options;
    }
}
