using Microsoft.Extensions.Logging;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Mcp;

/// <summary>Builds the SDK transport for a server entry.</summary>
internal static class McpTransports
{
    /// <summary>
    /// How long a stdio server gets to exit by itself once its stdin is closed, before its process tree is killed.
    /// A well-behaved server exits within a few milliseconds of end of input; many (server-everything among them)
    /// never do, and the agent must not wait seconds after printing its answer for them. The SDK waits this long for
    /// the exit, kills the tree, then waits this long again for the kill to be reaped.
    /// </summary>
    internal static readonly TimeSpan ShutdownGrace = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a stdio server the agent stops gets to exit on end of input before it is sent SIGTERM, the step MCP's
    /// stdio shutdown puts between closing the input and the kill. Servers that ignore end of input (server-everything)
    /// mostly end on SIGTERM at once, cleanly and sooner; the kill at <see cref="ShutdownGrace"/> is left for those
    /// that ignore both.
    /// </summary>
    internal static readonly TimeSpan TerminateAfter = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The most a server that exited by itself is waited for until its stderr ends (the wait ends at end of file,
    /// normally milliseconds after the exit): only a child that keeps the pipe open makes it run out.
    /// </summary>
    internal static readonly TimeSpan StderrDrainLimit = TimeSpan.FromSeconds(2);

    public static IClientTransport Create(
        McpServerConfig config,
        TimeSpan startupTimeout,
        Action<string> stderrLine,
        ILoggerFactory loggerFactory,
        string? processTag = null,
        HttpTransportMode? httpMode = null,
        ClientOAuthOptions? oauth = null,
        TimeSpan? stderrDrainLimit = null)
    {
        if (config.Transport == McpTransportKind.Stdio)
        {
            if (processTag is not null)
            {
                // Tagged processes are stopped by the agent on every exit it sees, and by the watchdog on one it doesn't.
                ServerWatchdog.EnsureStarted();
            }

            return new StdioStopWaits(
                new StdioClientTransportOptions
                {
                    Name = config.Name,
                    Command = config.Command!,
                    Arguments = [.. config.Args],
                    WorkingDirectory = config.Cwd,
                    InheritEnvironmentVariables = false,
                    EnvironmentVariables = ChildEnvironment(config, processTag),
                    StandardErrorLines = stderrLine,
                },
                stderrDrainLimit ?? StderrDrainLimit,
                new StderrQuietLoggerFactory(loggerFactory),
                processTag);
        }

        return new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Name = config.Name,
                Endpoint = new Uri(config.Url!),
                TransportMode = httpMode ?? (config.Transport == McpTransportKind.Sse ? HttpTransportMode.Sse : HttpTransportMode.AutoDetect),
                AdditionalHeaders = SentHeaders(config.Headers),
                ConnectionTimeout = startupTimeout,
                OAuth = oauth,
            },
            loggerFactory);
    }

    /// <summary>
    /// The SDK's small safe set (PATH, HOME, ...) plus what the entry names. Nothing else of the agent's environment
    /// reaches the child, so API keys in the agent's environment stay there.
    /// </summary>
    internal static Dictionary<string, string?> ChildEnvironment(McpServerConfig config, string? processTag = null)
    {
        var environment = StdioClientTransportOptions.GetDefaultEnvironmentVariables();
        foreach (var (name, value) in config.Env)
        {
            environment[name] = value;
        }

        if (processTag is not null)
        {
            environment[ServerProcessTag.Variable] = processTag;
        }

        return environment;
    }

    /// <summary>
    /// Headers whose value expanded to nothing are not sent: <c>"Authorization": "Bearer ${TOKEN:-}"</c> with no
    /// token means "no Authorization header", rather than a malformed <c>Bearer </c> credential.
    /// </summary>
    internal static Dictionary<string, string> SentHeaders(IReadOnlyDictionary<string, string> headers)
    {
        var sent = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            var trimmed = value.Trim();
            var schemeWithoutCredential = trimmed.Length > 0 && !trimmed.Contains(' ', StringComparison.Ordinal) && value.TrimEnd().Length < value.Length;
            if (trimmed.Length > 0 && !schemeWithoutCredential)
            {
                sent[name] = value;
            }
        }

        return sent;
    }
}

/// <summary>
/// The logger factory the SDK's stdio transport gets: its own Information lines (among them every stderr line,
/// whole, however many megabytes long) are dropped; the connection logs each stderr line itself, cut short.
/// Other categories and levels pass through.
/// </summary>
internal sealed class StderrQuietLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    internal const string Category = "ModelContextProtocol.Client.StdioClientTransport";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return string.Equals(categoryName, Category, StringComparison.Ordinal) ? new WarningsOnly(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The inner factory belongs to the agent.
    }

    private sealed class WarningsOnly(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
