using System.Diagnostics;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>SIGTERM to the processes of one server, found by their tag, and to no other.</summary>
public sealed class ServerProcessTagTests : IDisposable
{
    // Notes a SIGTERM in $OUT and ends; says "ready" once the handler is in place.
    private const string Script =
        "process.on('SIGTERM', () => { require('fs').writeFileSync(process.env.OUT, 'sigterm'); process.exit(0); });" +
        "setInterval(() => {}, 60000); console.log('ready');";

    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-tag-").FullName;
    private readonly List<Process> _processes = [];

    [Fact]
    public async Task TerminateTagged_SendsSigtermToTheTaggedProcessOnly()
    {
        var tag = ServerProcessTag.Create();
        var tagged = await StartAsync(tag, "tagged");
        var other = await StartAsync(ServerProcessTag.Create(), "other");

        var result = ServerProcessTag.TerminateTagged(tag);

        Assert.Equal(new ServerProcessTag.TerminateResult(1), result);
        await tagged.WaitForExitAsync(TestTimeouts.DefaultToken());
        Assert.Equal(0, tagged.ExitCode);
        Assert.Equal("sigterm", await File.ReadAllTextAsync(Path.Combine(_folder, "tagged")));
        Assert.False(other.HasExited);
        Assert.False(File.Exists(Path.Combine(_folder, "other")));
    }

    [Fact]
    public void TerminateTagged_FindsNothing_ForATagNoProcessCarries() =>
        Assert.Equal(new ServerProcessTag.TerminateResult(0), ServerProcessTag.TerminateTagged(ServerProcessTag.Create()));

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task<Process> StartAsync(string tag, string outFile)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, ArgumentList = { "-e", Script } };
        start.Environment[ServerProcessTag.Variable] = tag;
        start.Environment["OUT"] = Path.Combine(_folder, outFile);
        var process = Process.Start(start)!;
        _processes.Add(process);
        Assert.Equal("ready", await process.StandardOutput.ReadLineAsync(TestTimeouts.DefaultToken()));
        return process;
    }
}
