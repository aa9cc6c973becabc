using System.Diagnostics;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>server-everything over <c>streamableHttp</c> or <c>sse</c> on a free port, killed (whole tree) on dispose.</summary>
public sealed class EverythingHttpServer : IAsyncDisposable
{
    private readonly Process _process;

    private EverythingHttpServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static async Task<EverythingHttpServer> StartAsync(string mode)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo(Peers.Bin("server-everything"), mode)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException("server-everything did not start");
        var server = new EverythingHttpServer(process, port);

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.Contains("listening", StringComparison.OrdinalIgnoreCase) || line.Contains("running on port", StringComparison.OrdinalIgnoreCase)))
            {
                listening.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => listening.TrySetException(new InvalidOperationException($"server-everything {mode} exited early")), TaskScheduler.Default);

        try
        {
            await listening.Task.WaitAsync(TestTimeouts.Default);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
