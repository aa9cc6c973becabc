using SkMcpAgent.Core.Mcp.Auth;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp.Auth;

public sealed class BrowserOpenerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-browser-").FullName;

    [Theory]
    [InlineData("sh -c 'echo \"$0\" > {file}'")]
    [InlineData("sh -c 'echo \"$0\" > {file}' %s")]
    public async Task Start_RunsTheBrowserCommand_WithTheUrlAsOneUninterpretedArgument(string browser)
    {
        var file = Path.Combine(_folder, "visited");
        var url = new Uri("http://127.0.0.1:1/authorize?a=1&b=$(touch nope);x");

        using var process = BrowserOpener.Start(url, browser.Replace("{file}", file, StringComparison.Ordinal) + ":ignored-second-browser", out var started);
        await process!.WaitForExitAsync(TestTimeouts.DefaultToken());

        Assert.True(started);
        Assert.Equal(url.AbsoluteUri + "\n", await File.ReadAllTextAsync(file));
        Assert.False(File.Exists(Path.Combine(_folder, "nope")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
