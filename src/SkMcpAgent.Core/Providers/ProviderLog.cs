using Microsoft.Extensions.Logging;

namespace SkMcpAgent.Core.Providers;

/// <summary>Log messages of the provider layer. Never an API key; prompts and answers are not logged here at all.</summary>
internal static partial class ProviderLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Chat client created for {Provider} model {Model} at {Host} (auth: {Auth}, timeout {Timeout}, max retries {MaxRetries})")]
    public static partial void ClientCreated(ILogger logger, string provider, string model, string host, string auth, TimeSpan timeout, int maxRetries);

    // Debug: the console prints the same line to the user; a warning would say it twice.
    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "{Provider} call failed (status {Status}): {Reason}")]
    public static partial void CallFailed(ILogger logger, string provider, int? status, string reason);
}
