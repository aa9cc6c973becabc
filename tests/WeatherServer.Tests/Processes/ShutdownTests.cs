using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Nws;

namespace WeatherServer.Tests.Processes;

public sealed class ShutdownTests
{
    [Fact]
    public async Task HttpServer_ExitsCleanlyOnSigterm_EvenWithAnOpenEventStream()
    {
        await using var nws = await FakeNwsServer.StartAsync();
        await using var server = await WeatherHttpServerProcess.StartAsync(nws.BaseUrl);
        using var http = new HttpClient();
        using var stream = await http.GetAsync(server.SseUrl, HttpCompletionOption.ResponseHeadersRead, TestTimeouts.DefaultToken());
        stream.EnsureSuccessStatusCode();

        await using (var kill = ChildProcess.Start("kill", ["-TERM", server.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestTimeouts.DefaultToken());
        }

        var exitCode = await server.Process.WaitForExitAsync(TestTimeouts.DefaultToken());
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("Exception", server.Process.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StdioServer_ExitsCleanly_WhenStdinCloses()
    {
        await using var server = ChildProcess.Start("dotnet", [RepoPaths.ServerDll("WeatherServer")]);

        server.CloseStandardInput();
        var exitCode = await server.WaitForExitAsync(TestTimeouts.DefaultToken());

        Assert.Equal(0, exitCode);
        Assert.Equal("", server.StandardOutput);
    }
}
