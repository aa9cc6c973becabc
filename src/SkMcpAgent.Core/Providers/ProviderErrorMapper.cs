using System.ClientModel;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using Anthropic.Exceptions;
using Azure.Identity;

namespace SkMcpAgent.Core.Providers;

/// <summary>Turns the SDKs' exceptions into one-line <see cref="ProviderException"/>s that say what to check, and where.</summary>
internal static class ProviderErrorMapper
{
    /// <summary>The mapped exception, or null when <paramref name="exception"/> is not a provider failure (or is the caller's cancellation).</summary>
    public static ProviderException? Map(Exception exception, ProviderSettings settings, CancellationToken cancellationToken)
    {
        if (exception is ProviderException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        // The SDK's exception can quote the response body; if that body echoes the key, it must not travel along.
        var inner = !string.IsNullOrEmpty(settings.ApiKey) && exception.ToString().Contains(settings.ApiKey, StringComparison.Ordinal) ? null : exception;

        return exception switch
        {
            ClientResultException { Status: > 0 } result => FromStatus(result.Status, ApiMessage(result), settings, inner),
            AnthropicApiException api => FromStatus((int)api.StatusCode, api.ApiMessage, settings, inner),
            AuthenticationFailedException or CredentialUnavailableException => new ProviderException(
                $"Microsoft Entra ID sign-in for Azure OpenAI at {settings.EndpointHost} failed: sign in (az login) or set " +
                $"{ProviderVariables.AzureApiKey} in {settings.SourceOf(ProviderVariables.AzureApiKey)}.",
                settings.Provider, null, inner),
            // The SDKs parse the body as it is; one that ends early (a dropped connection) is not valid JSON.
            JsonException => new ProviderException(
                $"The model's response from {settings.DisplayName} at {settings.EndpointHost} was not valid JSON (cut off or malformed); " +
                "nothing from it was run: try again.",
                settings.Provider, null, inner),
            _ when IsTimeout(exception) => new ProviderException(
                $"{settings.DisplayName} at {settings.EndpointHost} did not answer within {Seconds(settings.Timeout)} s{Attempts(settings)}: " +
                $"raise {ProviderVariables.TimeoutSeconds} in {settings.SourceOf(ProviderVariables.TimeoutSeconds)} or try again later.",
                settings.Provider, null, inner),
            _ when FindNetworkFailure(exception) is { } network => new ProviderException(
                $"Cannot reach {settings.DisplayName} at {settings.EndpointHost}{Attempts(settings)}: {Redact(network.Message.TrimEnd('.'), settings)}. " +
                $"Check {settings.EndpointVariable} in {settings.SourceOf(settings.EndpointVariable)} and the network.",
                settings.Provider, null, inner),
            _ => null,
        };
    }

    /// <summary>A streamed response that ended before the protocol's final event: nothing of it may be used.</summary>
    public static ProviderException StreamCut(ProviderSettings settings) => new(
        $"The model's response stream from {settings.DisplayName} at {settings.EndpointHost} was cut off before it ended; " +
        "nothing from the incomplete response was run: try again.",
        settings.Provider, null, null);

    private static ProviderException FromStatus(int status, string? apiMessage, ProviderSettings settings, Exception? inner)
    {
        var who = $"{settings.DisplayName} at {settings.EndpointHost}";
        var detail = Detail(apiMessage, settings);
        var message = status switch
        {
            401 or 403 when settings.ApiKey is null && settings.Provider == LlmProvider.AzureOpenAI =>
                $"Authentication failed for {who} (HTTP {status}) with Microsoft Entra ID: check that your identity has a " +
                $"Cognitive Services OpenAI role on the resource, or set {ProviderVariables.AzureApiKey} in {settings.SourceOf(ProviderVariables.AzureApiKey)}.",
            401 or 403 =>
                $"Authentication failed for {who} (HTTP {status}): check {settings.ApiKeyVariable} in {settings.SourceOf(settings.ApiKeyVariable)}.",
            404 =>
                $"{who} has no {(settings.Provider == LlmProvider.AzureOpenAI ? "deployment" : "model")} '{settings.Model}' (HTTP 404): " +
                $"check {settings.ModelVariable}{(settings.Endpoint is null ? "" : $" and {settings.EndpointVariable}")} in {settings.SourceOf(settings.ModelVariable)}.",
            429 =>
                $"{who} is rate limiting requests (HTTP 429), still after {settings.MaxRetries} retries: wait a moment and try again.{detail}",
            >= 500 =>
                $"{who} failed with HTTP {status} after {settings.MaxRetries} retries: try again later.{detail}",
            _ =>
                $"{who} rejected the request (HTTP {status}).{detail}",
        };

        return new ProviderException(message, settings.Provider, status, inner);
    }

    // The provider's own words help with 4xx/5xx, but 401 bodies can echo part of a key, so they are never shown.
    private static string Detail(string? apiMessage, ProviderSettings settings)
    {
        if (string.IsNullOrWhiteSpace(apiMessage))
        {
            return "";
        }

        var line = string.Join(' ', apiMessage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        line = Redact(line.Length > 300 ? line[..300] + "..." : line, settings);
        return $" The service said: {line}";
    }

    private static string? ApiMessage(ClientResultException exception)
    {
        try
        {
            var content = exception.GetRawResponse()?.Content;
            if (content is null || content.ToMemory().IsEmpty)
            {
                return null;
            }

            using var document = JsonDocument.Parse(content.ToMemory());
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsTimeout(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or TaskCanceledException or OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception? FindNetworkFailure(Exception exception)
    {
        Exception? found = null;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or HttpRequestException or IOException or AnthropicIOException)
            {
                found = e;
            }
        }

        // The innermost network error says it best ("Connection refused").
        return found ?? (exception is ClientResultException { Status: 0 } ? exception : null);
    }

    private static string Attempts(ProviderSettings settings) =>
        settings.MaxRetries > 0 ? $" (tried {settings.MaxRetries + 1} times)" : "";

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    internal static string Redact(string text, ProviderSettings settings) =>
        string.IsNullOrEmpty(settings.ApiKey) ? text : text.Replace(settings.ApiKey, "***", StringComparison.Ordinal);
}
