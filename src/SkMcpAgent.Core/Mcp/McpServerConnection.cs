using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// One configured MCP server (a plugin): its state, its functions and its live client. A stdio server that exits
/// is restarted on its next use; a remote session that expires is re-initialised the same way.
/// </summary>
public sealed partial class McpServerConnection : IAsyncDisposable
{
    private readonly McpHubOptions _options;
    private readonly IAgentEventSink _events;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly StderrTail _stderr = new();
    private readonly ListChangedCoalescer _listChanged = new();

    // Marks this server's processes (its children's too), so that stopping it stops them all.
    private readonly string _processTag = ServerProcessTag.Create();
    private volatile McpClient? _client;
    private volatile IReadOnlyList<AIFunction> _functions = [];
    private volatile string? _failureReason;
    private volatile bool _stopSeenThrough;

    internal McpServerConnection(McpServerConfig config, string pluginName, McpHubOptions options, IAgentEventSink events, ILoggerFactory loggerFactory)
    {
        Config = config;
        PluginName = pluginName;
        _options = options;
        _events = events;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<McpServerConnection>();
        State = config.Disabled ? ServerState.Disabled : ServerState.Connecting;
    }

    public string Name => Config.Name;

    public McpServerConfig Config { get; }

    /// <summary>The server's plugin name in the kernel: its name as Semantic Kernel accepts it, unique in the hub.</summary>
    public string PluginName { get; }

    public ServerState State { get; private set; }

    /// <summary>Why the server failed or last exited, with the last stderr lines of a stdio server; null when healthy.</summary>
    public string? FailureReason => _failureReason;

    /// <summary>
    /// The server's functions, named as in its plugin (<see cref="PluginName"/> is not part of the name): one per
    /// allowed tool, plus resource functions when it has resources.
    /// </summary>
    public IReadOnlyList<AIFunction> Functions => _functions;

    /// <summary>How many characters of stderr the connection keeps (bounded however much the server writes).</summary>
    internal int StderrRetainedLength => _stderr.RetainedLength;

    /// <summary>The protocol version agreed with the server, once connected.</summary>
    public string? ProtocolVersion => _client?.NegotiatedProtocolVersion;

    /// <summary>Completes when the first start-up ended, Ready or Failed (at once for a disabled server).</summary>
    public Task WaitUntilSettledAsync(CancellationToken cancellationToken) => _settled.Task.WaitAsync(cancellationToken);

    public ValueTask DisposeAsync() => DisposeAsync(stopLeftovers: true);

    /// <summary>The tag this server's processes carry (stdio only): the hub stops every server's leftovers in one pass.</summary>
    internal string? ProcessTag => Config.Transport == McpTransportKind.Stdio ? _processTag : null;

    /// <summary>Closes the session; with <paramref name="stopLeftovers"/> false the caller stops the tagged processes (<see cref="ProcessTag"/>).</summary>
    internal async ValueTask DisposeAsync(bool stopLeftovers)
    {
        if (_lifetime.IsCancellationRequested)
        {
            return;
        }

        await _lifetime.CancelAsync();

        // Let a start or restart in flight see the cancellation and finish, so it cannot install a client (and a
        // child process) after this point. It is bounded by cancellation; the wait is bounded too, just in case.
        var gateTaken = await _connectGate.WaitAsync(TimeSpan.FromSeconds(5));
        try
        {
            await DropClientAsync(stopLeftovers);
        }
        finally
        {
            if (gateTaken)
            {
                _connectGate.Release();
            }
        }

        _settled.TrySetResult();
    }

    private void SetState(ServerState state, string? detail)
    {
        State = state;
        if (state == ServerState.Failed)
        {
            _failureReason = detail;
        }
        else if (state == ServerState.Ready)
        {
            _failureReason = null;
        }

        if (Sessions.StartupTrace.Enabled)
        {
            Sessions.StartupTrace.Mark($"server {Name}: {state}");
        }

        McpLog.StateChanged(_logger, Name, state, detail);
        _events.Publish(new ServerStateChanged(Name, state, detail));
    }

    private void SetFunctions(IReadOnlyList<AIFunction> functions)
    {
        _functions = functions;
        _events.Publish(new ServerFunctionsChanged(Name, functions.Count));
    }

    // What .NET reports on Unix for a process ended by SIGKILL (128 + 9): the SDK's stop after the grace.
    private const int KilledExitCode = 137;

    /// <summary>Ends the live session, if any. Caller holds the connect gate.</summary>
    /// <param name="stopLeftovers">False when the caller stops the tagged processes itself (<see cref="ProcessTag"/>).</param>
    private async Task DropClientAsync(bool stopLeftovers = true)
    {
        var client = _client;
        _client = null;
        _stopSeenThrough = false;
        if (client is not null)
        {
            await DisposeQuietlyAsync(client, stopLeftovers);
        }
        else if (stopLeftovers)
        {
            // A start that failed half-way may have left processes behind too.
            StopLeftoverProcesses();
        }
    }

    private async Task DisposeQuietlyAsync(McpClient client, bool stopLeftovers = true)
    {
        try
        {
            await client.DisposeAsync();

            // DisposeAsync can return while the SDK's own stop (stdin closed, the grace, the tree killed) still runs
            // on the session's read loop; the tagged processes are killed only once that stop has had its grace.
            if (Config.Transport == McpTransportKind.Stdio)
            {
                if (await client.Completion.WaitAsync(McpTransports.ShutdownGrace * 3) is StdioClientCompletionDetails { ExitCode: KilledExitCode })
                {
                    McpLog.KilledAfterGrace(_logger, Name, (int)McpTransports.ShutdownGrace.TotalMilliseconds);
                }

                _stopSeenThrough = true;
            }
        }
        catch (TimeoutException)
        {
            // Not stopped within the grace and the kill: the tag kill below ends it.
        }
        catch (Exception ex)
        {
            McpLog.DisposeFailed(_logger, Name, ex);
        }

        if (stopLeftovers)
        {
            StopLeftoverProcesses();
        }
    }

    /// <summary>
    /// The SDK stops the process it started; what that process started (<c>npx</c>'s node, a script's children)
    /// would live on. Those carry this connection's tag and are stopped here.
    /// </summary>
    private void StopLeftoverProcesses()
    {
        if (ProcessTag is { } tag)
        {
            LeftoverProcessesStopped(ServerProcessTag.KillTagged(tag));
        }
    }

    /// <summary>
    /// True once the SDK's stop of the last session ended within its wait (the server exited, or was killed and
    /// reaped): only processes that left its tree can be running. False when there was no session to stop.
    /// </summary>
    internal bool StopSeenThrough => _stopSeenThrough;

    internal void LeftoverProcessesStopped(int count)
    {
        if (count > 0)
        {
            McpLog.LeftoverProcessesStopped(_logger, Name, count);
        }
    }
}
