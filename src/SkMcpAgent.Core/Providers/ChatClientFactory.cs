using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;
using OpenAI.Chat;
using SkMcpAgent.Core.Providers.ChatCompletions;

namespace SkMcpAgent.Core.Providers;

/// <summary>Builds the <see cref="IChatClient"/> for the configured provider, with its retries, timeout and error mapping.</summary>
public static class ChatClientFactory
{
    /// <summary>The scope Azure OpenAI accepts Microsoft Entra ID tokens for.</summary>
    public const string AzureCognitiveServicesScope = "https://cognitiveservices.azure.com/.default";

    // OpenAI-compatible local servers ignore the key, but the SDK insists on one.
    private const string PlaceholderApiKey = "no-key";

    /// <summary>
    /// Creates the client: the provider's SDK (retrying 429/5xx and network failures itself, honouring Retry-After),
    /// then LLM_TEMPERATURE / LLM_MAX_OUTPUT_TOKENS defaults, then the mapping of failures to <see cref="ProviderException"/>.
    /// </summary>
    public static IChatClient Create(ProviderSettings settings, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(typeof(ChatClientFactory).FullName!);

        var client = settings.Provider switch
        {
            LlmProvider.AzureOpenAI => CreateAzureOpenAI(settings),
            LlmProvider.OpenAI => CreateOpenAI(settings),
            _ => CreateAnthropic(settings),
        };

        ProviderLog.ClientCreated(
            logger, settings.DisplayName, settings.Model, settings.EndpointHost,
            settings.ApiKey is not null ? "API key" : settings.Provider == LlmProvider.AzureOpenAI ? "Microsoft Entra ID" : "none",
            settings.Timeout, settings.MaxRetries);

        return new ProviderErrorChatClient(new ProviderDefaultsChatClient(client, settings), settings, logger);
    }

    /// <summary>The Azure OpenAI v1 endpoint for a resource endpoint: <c>{endpoint}/openai/v1/</c>.</summary>
    public static Uri AzureV1Endpoint(Uri resourceEndpoint)
    {
        ArgumentNullException.ThrowIfNull(resourceEndpoint);
        var text = resourceEndpoint.ToString().TrimEnd('/');
        return new Uri(text.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase) ? text + "/" : text + "/openai/v1/");
    }

    private static IChatClient CreateAzureOpenAI(ProviderSettings settings)
    {
        var options = PipelineOptions(settings, AzureV1Endpoint(settings.Endpoint!));

        // Azure documents the key in the api-key header, and Entra ID tokens as a bearer token for Cognitive Services.
        AuthenticationPolicy authentication = settings.ApiKey is { } key
            ? ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(new ApiKeyCredential(key), "api-key")
            : new BearerTokenPolicy(new DefaultAzureCredential(), AzureCognitiveServicesScope);

        // On the v1 endpoint the deployment name goes where the model name would.
#pragma warning disable OPENAI001 // The AuthenticationPolicy constructor is marked for evaluation; it is the SDK's documented way to use Entra ID.
        return new ChatClient(settings.Model, authentication, options).AsIChatClient();
#pragma warning restore OPENAI001
    }

    private static IChatClient CreateOpenAI(ProviderSettings settings)
    {
        var options = PipelineOptions(settings, settings.Endpoint);
        return new ChatClient(settings.Model, new ApiKeyCredential(settings.ApiKey ?? PlaceholderApiKey), options).AsIChatClient();
    }

    private static IChatClient CreateAnthropic(ProviderSettings settings)
    {
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

        return options;
    }
}
