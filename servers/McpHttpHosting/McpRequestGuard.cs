using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpHttpHosting;

/// <summary>
/// Checks every MCP request before a handler sees it: Host and Origin (DNS-rebinding protection, which the MCP
/// spec requires of local servers), the bearer token when one is configured, and the body size limit.
/// </summary>
internal sealed partial class McpRequestGuard(IOptions<McpHttpOptions> options, ILogger<McpRequestGuard> logger)
{
    private McpHttpOptions Options => options.Value;

    /// <summary>Wraps a handler so it only runs for admitted requests.</summary>
    public RequestDelegate Protect(RequestDelegate handler) => async context =>
    {
        if (await TryAdmitAsync(context))
        {
            await handler(context);
        }
    };

    /// <summary>True when the request may proceed; otherwise the refusal has been written.</summary>
    public async Task<bool> TryAdmitAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var host = context.Request.Host;
        if (!IsAllowedHost(host))
        {
            LogRejectedHost(host.Value ?? "");
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden: the Host header is not allowed.");
            return false;
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsAllowedOrigin(origin))
        {
            LogRejectedOrigin(origin);
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden: the Origin header is not allowed.");
            return false;
        }

        if (!string.IsNullOrEmpty(Options.AuthToken) && !HasValidToken(context.Request, Options.AuthToken))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized: a valid bearer token is required.");
            return false;
        }

        if (context.Request.ContentLength > Options.MaxRequestBodyBytes)
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload Too Large: the request body exceeds the server's limit.");
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
