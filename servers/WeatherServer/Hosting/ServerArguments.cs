namespace WeatherServer.Hosting;

/// <summary>The command line: stdio by default, <c>--http [--stateless] [--urls URL[;URL]]</c> for HTTP.</summary>
public sealed record ServerArguments(bool Http, string Urls, bool Help, bool Stateless = false)
{
    public const string DefaultUrls = "http://127.0.0.1:5071";

    public const string Usage = """
        Usage: WeatherServer [--http [--stateless] [--urls http://127.0.0.1:5071]]
          (no options)  serve MCP over stdio
          --http        serve MCP over HTTP: Streamable HTTP at /mcp, legacy SSE at /sse; /healthz, /readyz
          --stateless   no sessions: any replica answers any request (no SSE, no server-to-client requests)
          --urls        addresses to listen on, separated by ';' (default MCP_HTTP_URLS or http://127.0.0.1:5071)
        Environment: NWS_BASE_URL, NWS_USER_AGENT, NWS_TIMEOUT_SECONDS, MCP_HTTP_URLS, MCP_STATELESS, MCP_AUTH_TOKEN,
          MCP_ALLOWED_HOSTS, MCP_ALLOWED_ORIGINS, MCP_MAX_SESSIONS, MCP_SESSION_IDLE_TIMEOUT_SECONDS, MCP_LOG_LEVEL
        """;

    /// <summary>Reads <paramref name="args"/>; <c>MCP_HTTP_URLS</c> and <c>MCP_STATELESS</c> fill in what they leave out (containers).</summary>
    public static ServerArguments Parse(IReadOnlyList<string> args, Func<string, string?>? getVariable = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        getVariable ??= static _ => null;
        var http = false;
        var stateless = false;
        var help = false;
        string? urls = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--http")
            {
                http = true;
            }
            else if (arg is "--stateless")
            {
                stateless = true;
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

        if ((urls is not null || stateless) && !http)
        {
            throw new ArgumentException(urls is not null ? "--urls only applies with --http." : "--stateless only applies with --http.");
        }

        urls = string.IsNullOrWhiteSpace(urls) ? getVariable("MCP_HTTP_URLS") : urls;
        stateless = stateless || ReadFlag(getVariable, "MCP_STATELESS");
        return new ServerArguments(http, string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls.Trim(), help, stateless);
    }

    private static bool ReadFlag(Func<string, string?> getVariable, string name) =>
        getVariable(name)?.Trim().ToLowerInvariant() switch
        {
            null or "" or "0" or "false" or "no" => false,
            "1" or "true" or "yes" => true,
            var other => throw new ArgumentException($"{name} '{other}' is not true or false."),
        };
}
