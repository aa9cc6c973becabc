namespace SkMcpAgent.Testing.Nws;

/// <summary>A scripted answer of <see cref="FakeNwsServer"/> for one path.</summary>
public sealed record FakeNwsResponse(int Status, string ContentType, string Body)
{
    /// <summary>Extra response headers, e.g. Retry-After.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Never answers (until the client gives up), for timeout tests.</summary>
    public bool Hang { get; init; }

    /// <summary>The CDN's "Access Denied" HTML page NWS clients get when blocked.</summary>
    public static FakeNwsResponse HtmlBlockPage(int status = 403) => new(status, "text/html",
        "<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don't have permission to access this server.</BODY></HTML>");

    public static FakeNwsResponse ServerError(int status = 503) => new(status, "application/problem+json",
        $$"""{"correlationId":"fake","title":"Service Unavailable","type":"https://api.weather.gov/problems/ServiceUnavailable","status":{{status}},"detail":"The service is temporarily unavailable."}""");

    public static FakeNwsResponse TooManyRequests(int retryAfterSeconds) => new(429, "text/html",
        "<HTML><BODY>Too Many Requests</BODY></HTML>")
    {
        Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    public static FakeNwsResponse Hanging() => new(200, "application/geo+json", "") { Hang = true };
}
