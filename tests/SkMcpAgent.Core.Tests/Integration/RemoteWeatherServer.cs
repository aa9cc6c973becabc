using System.Diagnostics;
using System.Text.RegularExpressions;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>The shipped weather server started with <c>--http</c> on a free port; killed with its tree on dispose.</summary>
public sealed partial class RemoteWeatherServer : IAsyncDisposable
{
    private readonly Process _process;

    private RemoteWeatherServer(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    public static async Task<RemoteWeatherServer> StartAsync(string nwsBaseUrl, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { RepoPaths.ServerDll("WeatherServer"), "--http", "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NWS_BASE_URL"] = nwsBaseUrl;
        var banner = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ListeningAddress().Match(line) is { Success: true } match)
            {
                banner.TrySetResult(match.Groups[1].Value);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        var server = new RemoteWeatherServer(process, "");
        try
        {
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            return new RemoteWeatherServer(process, await banner.Task.WaitAsync(cancellationToken));
        }
        catch
        {
            // Killed here: the caller never gets a server to dispose.
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://[^/\s]+)/mcp")]
    private static partial Regex ListeningAddress();
}
