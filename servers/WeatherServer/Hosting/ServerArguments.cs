namespace WeatherServer.Hosting;

/// <summary>The command line: stdio by default, <c>--http [--urls URL[;URL]]</c> for HTTP.</summary>
public sealed record ServerArguments(bool Http, string Urls, bool Help)
{
    public const string DefaultUrls = "http://127.0.0.1:5071";

    public const string Usage = """
        Usage: WeatherServer [--http [--urls http://127.0.0.1:5071]]
          (no options)  serve MCP over stdio
          --http        serve MCP over HTTP: Streamable HTTP at /mcp, legacy SSE at /sse + /messages
          --urls        addresses to listen on, separated by ';' (default http://127.0.0.1:5071)
        Environment: NWS_BASE_URL, NWS_USER_AGENT, NWS_TIMEOUT_SECONDS, MCP_AUTH_TOKEN, MCP_ALLOWED_HOSTS,
          MCP_ALLOWED_ORIGINS, MCP_MAX_SESSIONS, MCP_SESSION_IDLE_TIMEOUT_SECONDS, MCP_LOG_LEVEL
        """;

    public static ServerArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var http = false;
        var help = false;
        string? urls = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--http")
            {
                http = true;
            }
            else if (arg is "-h" or "--help")
            {
                help = true;
            }
            else if (arg is "--urls")
            {
                urls = i + 1 < args.Count ? args[++i] : throw new ArgumentException("--urls needs a value, e.g. --urls http://127.0.0.1:5071");
            }
            else if (arg.StartsWith("--urls=", StringComparison.Ordinal))
            {
                urls = arg["--urls=".Length..];
            }
            else
            {
                throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }

        if (urls is not null && !http)
        {
            throw new ArgumentException("--urls only applies with --http.");
        }

        return new ServerArguments(http, string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls, help);
    }
}
