using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// All configured MCP servers. <see cref="Start"/> launches them in parallel in the background; a caller either
/// waits for all (<see cref="WaitForAllAsync"/>) or takes each server's functions as it becomes ready. One server
/// failing never stops the others: it is reported through <see cref="ServerStateChanged"/> and skipped.
/// </summary>
public sealed class McpServerHub : IAsyncDisposable
{
    private readonly List<McpServerConnection> _servers;
    private readonly Lock _startLock = new();
    private bool _started;
    private bool _disposed;

    public McpServerHub(IReadOnlyList<McpServerConfig> servers, McpHubOptions options, IAgentEventSink events, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        var duplicate = servers.GroupBy(static s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(static g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"MCP server '{duplicate.Key}' is configured twice.", nameof(servers));
        }

        Options = options;
        var pluginNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        _servers = servers
            .Select(config => new McpServerConnection(
                config,
                FunctionNames.MakeUnique(FunctionNames.ForPlugin(config.Name), pluginNames, FunctionNames.MaxPluginLength),
                options,
                events,
                loggerFactory))
            .ToList();
    }

    public McpHubOptions Options { get; }

    public IReadOnlyList<McpServerConnection> Servers => _servers;

    /// <summary>Starts every enabled server in parallel and returns at once. Calling it again does nothing.</summary>
    public void Start()
    {
        lock (_startLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                return;
            }

            _started = true;
        }

        foreach (var server in _servers)
        {
            // Task.Run: a stdio launch does blocking work (process start) before its first await.
            _ = Task.Run(server.StartAsync);
        }
    }

    /// <summary>Completes when every server is Ready, Failed or Disabled.</summary>
    public Task WaitForAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_servers.Select(s => s.WaitUntilSettledAsync(cancellationToken)));

    /// <summary>
    /// The functions of every Ready server, in server-list order, each named as the model sees it:
    /// <c>plugin_function</c>. For the <c>tools</c> listing and <c>call</c>; the model reaches the same functions
    /// through the kernel's plugins (<see cref="Plugins.McpServerPlugin"/>).
    /// </summary>
    public IReadOnlyList<AIFunction> GetFunctions() =>
        [.. NameFunctions().Select(static f => new RenamedFunction(f.Function, FunctionNames.Qualified(f.Server.PluginName, f.Name)))];

    /// <summary>One server's functions as <see cref="GetFunctions()"/> names them (empty unless it is ready).</summary>
    public IReadOnlyList<AIFunction> GetFunctions(McpServerConnection server) =>
        [.. NameFunctions().Where(f => ReferenceEquals(f.Server, server)).Select(static f => new RenamedFunction(f.Function, FunctionNames.Qualified(f.Server.PluginName, f.Name)))];

    /// <summary>
    /// The functions of Ready servers with their names in their plugins. Qualified names are unique across servers:
    /// the rare clash (plugin <c>a_b</c> function <c>c</c> against plugin <c>a</c> function <c>b_c</c>) gets a
    /// numbered suffix on the later server's function.
    /// </summary>
    internal IReadOnlyList<NamedFunction> NameFunctions()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var functions = new List<NamedFunction>();
        foreach (var server in _servers)
        {
            if (server.State is not (ServerState.Ready or ServerState.Restarting))
            {
                continue;
            }

            var prefixLength = server.PluginName.Length + 1;
            foreach (var function in server.Functions)
            {
                var qualified = FunctionNames.MakeUnique(FunctionNames.Qualified(server.PluginName, function.Name), taken, FunctionNames.MaxQualifiedLength);
                functions.Add(new NamedFunction(server, qualified[prefixLength..], function));
            }
        }

        return functions;
    }

    /// <summary>Reconnects one server by name (any state, even Failed), or all enabled servers when null.</summary>
    public Task ReconnectAsync(string? serverName, CancellationToken cancellationToken)
    {
        if (serverName is null)
        {
            return Task.WhenAll(_servers.Where(static s => !s.Config.Disabled).Select(s => s.ReconnectAsync(cancellationToken)));
        }

        var server = _servers.Find(s => string.Equals(s.Name, serverName, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No MCP server named '{serverName}'. Known: {string.Join(", ", _servers.Select(static s => s.Name))}.", nameof(serverName));
        return server.ReconnectAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces the roots declared to every server (<c>/roots add|remove</c>) and tells the servers: those that declared
    /// roots get <c>notifications/roots/list_changed</c>, the others reconnect to declare them.
    /// </summary>
    public Task SetRootsAsync(IReadOnlyList<string> roots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roots);
        Options.Roots = roots;
        return Task.WhenAll(_servers.Where(static s => !s.Config.Disabled).Select(s => s.RootsChangedAsync(cancellationToken)));
    }

    /// <summary>Closes every session; stdio servers are stopped with their whole process tree.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_startLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        // Each on its own thread: the SDK's stop waits synchronously for a killed process, so servers stopped one
        // after another would add their waits up. What they left running is stopped after, in one pass over /proc,
        // or, when the process is about to end, by the watchdog after it (the same pass, off the user's wait).
        await Task.WhenAll(_servers.Select(static s => Task.Run(() => s.DisposeAsync(stopLeftovers: false).AsTask())));
        Sessions.StartupTrace.Mark("servers: sessions closed");
        var watchdogStops = Options.ProcessEndsOnDispose && ServerWatchdog.IsRunning;
        var tagged = _servers
            .Where(s => s.ProcessTag is not null && !(watchdogStops && s.StopSeenThrough))
            .ToDictionary(static s => s.ProcessTag!, StringComparer.Ordinal);
        foreach (var (tag, count) in ServerProcessTag.KillTagged(tagged.Keys))
        {
            tagged[tag].LeftoverProcessesStopped(count);
        }
    }

    /// <summary>A server's function and its name in the server's plugin.</summary>
    internal sealed record NamedFunction(McpServerConnection Server, string Name, AIFunction Function);
}
