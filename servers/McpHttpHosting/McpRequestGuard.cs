using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpHttpHosting;

/// <summary>
/// Middleware in front of the SDK's <c>MapMcp</c>, which has none of this: Host and Origin checks (DNS-rebinding
/// protection, which the MCP spec requires of local servers; <c>MapMcp</c> answers a foreign Host with 200), the bearer
/// token when one is configured, and the body size limit.
/// </summary>
internal sealed partial class McpRequestGuard(IOptions<McpHttpOptions> options, ILogger<McpRequestGuard> logger) : IMiddleware
{
    /// <summary>How long a refused oversized body is read before the connection is dropped anyway.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private McpHttpOptions Options => options.Value;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (await TryAdmitAsync(context))
        {
            await next(context);
        }
    }

    /// <summary>True when the request may proceed; otherwise the refusal has been written.</summary>
    public async Task<bool> TryAdmitAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var host = context.Request.Host;
        if (!IsAllowedHost(host))
        {
            LogRejectedHost(host.Value ?? "");
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden: the Host header is not allowed.");
            return false;
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsAllowedOrigin(origin))
        {
            LogRejectedOrigin(origin);
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden: the Origin header is not allowed.");
            return false;
        }

        if (!string.IsNullOrEmpty(Options.AuthToken) && !HasValidToken(context.Request, Options.AuthToken))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized: a valid bearer token is required.");
            return false;
        }

        if (context.Request.ContentLength is { } length && length > Options.MaxRequestBodyBytes)
        {
            await RefuseTooLargeAsync(context, length);
            return false;
        }

        // Bodies without a Content-Length (chunked) are cut off by the server while being read.
        var bodySize = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false })
        {
            bodySize.MaxRequestBodySize = Options.MaxRequestBodyBytes;
        }

        return true;
    }

    /// <summary>
    /// Answers 413 and then reads the body the client is still sending, up to a bound. Closing a connection with
    /// unread data in it makes the kernel send a reset, and the reset can destroy the 413 before the client reads it
    /// (the client sees "broken pipe" instead); draining lets the connection close cleanly.
    /// </summary>
    private async Task RefuseTooLargeAsync(HttpContext context, long length)
    {
        context.Response.Headers.Connection = "close";
        var bodySize = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var drain = length <= Options.MaxRequestBodyBytes * 8 && bodySize is { IsReadOnly: false };
        if (drain)
        {
            bodySize!.MaxRequestBodySize = length;
        }

        await JsonRpcErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload Too Large: the request body exceeds the server's limit.");
        await context.Response.Body.FlushAsync(context.RequestAborted);
        if (!drain)
        {
            // Too large to be worth reading: the server drops the connection.
            return;
        }

        using var drainTime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        drainTime.CancelAfter(DrainTimeout);
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, drainTime.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The client gave up or was too slow; the connection is dropped as it would have been anyway.
        }
    }

    internal bool IsAllowedHost(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }

        return IsLoopbackName(host.Host)
            || Options.AllowedHosts.Any(allowed => allowed == "*"
                || string.Equals(allowed, host.Value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(allowed, host.Host, StringComparison.OrdinalIgnoreCase));
    }

    internal bool IsAllowedOrigin(string origin)
    {
        if (Options.AllowedOrigins.Any(allowed => allowed == "*" || string.Equals(allowed.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && IsLoopbackName(uri.Host);
    }

    private static bool IsLoopbackName(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static bool HasValidToken(HttpRequest request, string expected)
    {
        const string Scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Constant-time comparison, so response timing does not reveal how much of a guess was right.
        var given = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(expected));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request for Host '{Host}' (not loopback, not allowed).")]
    private partial void LogRejectedHost(string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request from Origin '{Origin}' (not loopback, not allowed).")]
    private partial void LogRejectedOrigin(string origin);
}
