using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace WeatherServer.Nws;

/// <summary>
/// GETs JSON from the NWS API with the headers it requires, a bounded time, and a short retry on 429 / 5xx.
/// Failures the model can act on become <see cref="McpException"/> (or <see cref="NwsProblemException"/> for
/// problem+json answers, which the caller words for its own request).
/// </summary>
public sealed partial class NwsClient
{
    private readonly HttpClient _http;
    private readonly NwsOptions _options;
    private readonly ILogger<NwsClient> _logger;

    public NwsClient(HttpClient http, NwsOptions options, ILogger<NwsClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _logger = logger;
    }

    public NwsOptions Options => _options;

    /// <summary>
    /// One long-lived client: connections to NWS are reused, DNS changes picked up every few minutes. The client does
    /// not time out itself; <see cref="GetJsonAsync"/> bounds each call by <see cref="NwsOptions.Timeout"/>.
    /// </summary>
    /// <param name="handler">A test's handler (not disposed with the client), or null for the real network.</param>
    public static HttpClient CreateHttpClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>GETs a path under the base URL (e.g. <c>/points/30.2672,-97.7431</c>) or an absolute URL NWS gave.</summary>
    public async Task<JsonElement> GetJsonAsync(string pathOrUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrUrl);
        var uri = Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(_options.BaseUrl, pathOrUrl);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await GetWithRetriesAsync(uri, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(uri, _options.Timeout);
            throw new McpException(
                $"The National Weather Service did not answer within {_options.Timeout.TotalSeconds:0.#} s; try again in a minute.");
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(uri, ex);
            throw new McpException($"Could not reach the National Weather Service ({ex.Message}); try again later.");
        }
    }

    private async Task<JsonElement> GetWithRetriesAsync(Uri uri, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.UserAgent.ParseAdd(_options.UserAgent);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/geo+json"));

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (IsTransient(response.StatusCode) && attempt < _options.MaxRetries)
            {
                var delay = RetryDelay(response, attempt);
                LogRetrying(uri, (int)response.StatusCode, delay);
                await Task.Delay(delay, cancellationToken);
                continue;
            }

            return await ReadAsync(uri, response, cancellationToken);
        }
    }

    private async Task<JsonElement> ReadAsync(Uri uri, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var isJson = mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase);
        if (!isJson)
        {
            LogNotJson(uri, (int)response.StatusCode, mediaType);
            throw new McpException(response.IsSuccessStatusCode
                ? "The National Weather Service answered with something other than JSON; try again later."
                : $"The National Weather Service refused the request (HTTP {(int)response.StatusCode} with a non-JSON page, "
                  + "which its CDN sends when it blocks or rate-limits a client); try again in a minute.");
        }

        JsonElement body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new McpException($"The National Weather Service sent malformed JSON (HTTP {(int)response.StatusCode}); try again later.");
        }

        if (response.IsSuccessStatusCode)
        {
            return body;
        }

        var title = body.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var detail = body.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        LogProblem(uri, (int)response.StatusCode, title);
        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new McpException(
                $"The National Weather Service is unavailable right now (HTTP {(int)response.StatusCode}{(title is null ? "" : ": " + title)}); try again in a minute.");
        }

        throw new NwsProblemException(response.StatusCode, title, detail, ReadParameterErrors(body));
    }

    private static List<string> ReadParameterErrors(JsonElement problem)
    {
        var errors = new List<string>();
        if (!problem.TryGetProperty("parameterErrors", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return errors;
        }

        foreach (var error in list.EnumerateArray())
        {
            var parameter = error.TryGetProperty("parameter", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            if (!string.IsNullOrWhiteSpace(message))
            {
                errors.Add(string.IsNullOrWhiteSpace(parameter) ? message.Trim() : $"{parameter.Trim()}: {message.Trim()}");
            }
        }

        return errors;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        var delay = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : _options.RetryBaseDelay * (1 << attempt));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "NWS {Uri} answered {Status}; retrying in {Delay}.")]
    private partial void LogRetrying(Uri uri, int status, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NWS {Uri} did not answer within {Timeout}.")]
    private partial void LogTimeout(Uri uri, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NWS {Uri} unreachable.")]
    private partial void LogUnreachable(Uri uri, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NWS {Uri} answered {Status} with '{MediaType}', not JSON.")]
    private partial void LogNotJson(Uri uri, int status, string mediaType);

    [LoggerMessage(Level = LogLevel.Information, Message = "NWS {Uri} answered {Status}: {Title}.")]
    private partial void LogProblem(Uri uri, int status, string? title);
}
