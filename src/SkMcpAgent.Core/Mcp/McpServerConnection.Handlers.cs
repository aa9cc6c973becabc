using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Serialization;

// Sampling, roots and logging are deprecated only from protocol 2026-07-28 on; the agent negotiates 2025-11-25 or
// older, where servers (server-everything among them) still use them.
#pragma warning disable MCP9005

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    // The SDK's source-generated contract: a NativeAOT build has no reflection to build one from the type.
    private static readonly JsonTypeInfo<LoggingMessageNotificationParams> s_logMessageInfo =
        McpJsonUtilities.DefaultOptions.TypeInfo<LoggingMessageNotificationParams>();

    /// <summary>Fresh options per client: the SDK records the capabilities it derives from the handlers on them.</summary>
    private McpClientOptions CreateClientOptions(string protocolVersion)
    {
        _rootsDeclared = DeclaredRoots().Count > 0;
        return new()
        {
            ClientInfo = new Implementation { Name = "SkMcpAgent", Version = typeof(McpServerConnection).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" },
            ProtocolVersion = protocolVersion,

            // The handshake includes the sign-in of a server that needs OAuth; the start-up deadline still applies
            // until the browser opens.
            InitializationTimeout = UsesOAuth ? s_signInTimeout : new McpClientOptions().InitializationTimeout,
            Capabilities = new ClientCapabilities
            {
                // Both modes of 2025-11-25: a form the user fills in, or a URL the user visits.
                Elicitation = new ElicitationCapability { Form = new FormElicitationCapability(), Url = new UrlElicitationCapability() },
                Roots = _rootsDeclared ? new RootsCapability { ListChanged = true } : null,
            },
            Handlers = new McpClientHandlers
            {
                SamplingHandler = HandleSamplingAsync,
                ElicitationHandler = HandleElicitationAsync,

                // No roots configured: no roots capability, so a server does what its own configuration says (the
                // filesystem server serves its args folders) instead of whatever folder the agent was started in.
                RootsHandler = _rootsDeclared ? HandleRootsAsync : null,
                NotificationHandlers =
                [
                    new(NotificationMethods.ToolListChangedNotification, OnToolListChangedAsync),
                    new(NotificationMethods.LoggingMessageNotification, OnLogMessageAsync),
                ],
            },
        };
    }

    private async ValueTask<CreateMessageResult> HandleSamplingAsync(
        CreateMessageRequestParams? request,
        IProgress<ProgressNotificationValue> progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = CapSampling(request);

        // Read at request time: the console sets the model client after the servers have started.
        var chatClient = _options.SamplingClient;
        if (chatClient is null)
        {
            McpLog.Sampling(_logger, Name, "refused: no model client");
            throw new McpException("Sampling is not available: the agent has no model configured to answer it.");
        }

        if (_options.Approval is { } approval
            && !await approval.IsApprovedAsync(new ApprovalRequest($"sampling:{Name}", Name, SummarizeSampling(request)), cancellationToken))
        {
            McpLog.Sampling(_logger, Name, "denied");
            throw new McpException("The user denied this sampling request.");
        }

        McpLog.Sampling(_logger, Name, "approved");
        return await chatClient.CreateSamplingHandler()(request, progress, cancellationToken);
    }

    /// <summary>The request as the model will get it: its maxTokens capped by LLM_MAX_OUTPUT_TOKENS. Shown to the user.</summary>
    private CreateMessageRequestParams CapSampling(CreateMessageRequestParams request)
    {
        if (_options.MaxSamplingTokens is int cap && request.MaxTokens > cap)
        {
            request.MaxTokens = cap;
        }

        Notify($"sampling request: {request.Messages.Count} message(s), up to {request.MaxTokens} tokens");
        return request;
    }

    private static Dictionary<string, object?> SummarizeSampling(CreateMessageRequestParams request)
    {
        var lastText = request.Messages.Count == 0
            ? null
            : string.Join(" ", request.Messages[^1].Content.OfType<TextContentBlock>().Select(static t => t.Text));
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["messages"] = request.Messages.Count,
            ["lastMessage"] = lastText is { Length: > 200 } ? lastText[..200] + "..." : lastText,
            ["systemPrompt"] = request.SystemPrompt,
            ["maxTokens"] = request.MaxTokens,
        };
    }

    private ValueTask<ListRootsResult> HandleRootsAsync(ListRootsRequestParams? request, CancellationToken cancellationToken)
    {
        var roots = DeclaredRoots().Select(static uri => new Root { Uri = uri, Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(new Uri(uri).LocalPath)) }).ToList();
        return ValueTask.FromResult(new ListRootsResult { Roots = roots });
    }

    private ValueTask OnToolListChangedAsync(JsonRpcNotification notification, CancellationToken cancellationToken)
    {
        // Not awaited: the handler runs on the session's message loop, which must stay free to read the reply.
        _ = RefreshFunctionsAsync();
        return ValueTask.CompletedTask;
    }

    private ValueTask OnLogMessageAsync(JsonRpcNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Params is { } parameters
            && parameters.Deserialize(s_logMessageInfo) is { } message)
        {
            var level = message.Level switch
            {
                LoggingLevel.Debug => LogLevel.Debug,
                LoggingLevel.Info or LoggingLevel.Notice => LogLevel.Information,
                LoggingLevel.Warning => LogLevel.Warning,
                _ => LogLevel.Error,
            };
            var data = message.Data.ValueKind == JsonValueKind.String ? message.Data.GetString() ?? string.Empty : message.Data.GetRawText();
            McpLog.ServerLog(_logger, level, Name, message.Logger, data);
        }

        return ValueTask.CompletedTask;
    }
}
