using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// Newline-delimited JSON-RPC over a child's stdin/stdout. A dedicated thread reads stdout and hands each message
/// straight to the session's reader (synchronous channel continuations), and writes go straight to the pipe: a
/// reply reaches its caller with one thread hop instead of the SDK transport's three, which is most of a local
/// tool call's round trip.
/// </summary>
internal sealed class StdioProcessSession : ITransport
{
    private static readonly TimeSpan s_shutdownTimeout = TimeSpan.FromSeconds(2);
    private static readonly JsonTypeInfo<JsonRpcMessage> s_messageType = (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private readonly Process _process;
    private readonly Action<string> _stderrLine;
    private readonly StderrTail _stderr = new();
    private readonly Stream _stdin;
    private readonly Lock _writeLock = new();
    private readonly Channel<JsonRpcMessage> _messages = Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = true,
        AllowSynchronousContinuations = true,
    });

    private int _disposed;

    public StdioProcessSession(Process process, string name, Action<string> stderrLine)
    {
        _process = process;
        _stderrLine = stderrLine;
        _stdin = process.StandardInput.BaseStream;
        process.ErrorDataReceived += OnStderr;
        process.BeginErrorReadLine();
        new Thread(ReadLoop) { IsBackground = true, Name = "mcp-stdio-" + name }.Start();
    }

    public string? SessionId => null;

    public ChannelReader<JsonRpcMessage> MessageReader => _messages.Reader;

    public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message, s_messageType);
        try
        {
            // Synchronous on purpose: a pipe write completes at once unless the server stops reading.
            lock (_writeLock)
            {
                _stdin.Write(json);
                _stdin.WriteByte((byte)'\n');
                _stdin.Flush();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            return Task.FromException(new IOException($"The server process is not running (writing to it failed: {ex.Message})", ex));
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // Closing stdin asks the server to exit; it gets a moment before the whole tree is killed.
            lock (_writeLock)
            {
                _process.StandardInput.Close();
            }

            using var grace = new CancellationTokenSource(s_shutdownTimeout);
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }

        _messages.Writer.TryComplete();
        _process.Dispose();
    }

    private void ReadLoop()
    {
        Exception? failure = null;
        try
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                if (TryParse(line) is { } message)
                {
                    _messages.Writer.TryWrite(message);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            failure = ex;
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            _messages.Writer.TryComplete();
            return;
        }

        _messages.Writer.TryComplete(new ClientTransportClosedException(Describe(failure)));
    }

    private static JsonRpcMessage? TryParse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(line, s_messageType);
        }
        catch (JsonException)
        {
            // Some servers print a banner on stdout; a line that is not JSON-RPC is skipped, not fatal.
            return null;
        }
    }

    private StdioClientCompletionDetails Describe(Exception? failure)
    {
        int? exitCode = null;
        try
        {
            // The async overload also waits for the stderr reader to drain, so the tail holds the last words. Bounded:
            // a grandchild may keep stderr open. Blocking is fine on this dedicated thread.
            using var drained = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            _process.WaitForExitAsync(drained.Token).GetAwaiter().GetResult();
            exitCode = _process.ExitCode;
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
        }

        var tail = _stderr.Text();
        var exited = exitCode is { } code ? string.Create(CultureInfo.InvariantCulture, $"The server process exited with code {code}.") : "The server closed its output.";
        return new StdioClientCompletionDetails
        {
            ProcessId = SafeProcessId(),
            ExitCode = exitCode,
            StandardErrorTail = tail.Length == 0 ? [] : tail.Split(Environment.NewLine),
            Exception = new IOException(exited, failure),
        };
    }

    private int? SafeProcessId()
    {
        try
        {
            return _process.Id;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private void OnStderr(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is { } line)
        {
            _stderr.Add(line);
            _stderrLine(line);
        }
    }
}
