using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.Processes;

namespace SkMcpAgent.Core.Tests.Mcp;

/// <summary>SIGTERM to the processes of one server, found by their tag, and to no other.</summary>
public sealed class ServerProcessTagTests : IDisposable
{
    // Notes a SIGTERM in $OUT and ends; says "ready" once the handler is in place.
    private const string Script =
        "process.on('SIGTERM', () => { require('fs').writeFileSync(process.env.OUT, 'sigterm'); process.exit(0); });" +
        "setInterval(() => {}, 60000); console.log('ready');";

    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-tag-").FullName;

    [Fact]
    public async Task TerminateTagged_SendsSigtermToTheTaggedProcessOnly()
    {
        var tag = ServerProcessTag.Create();
        await using var tagged = await StartAsync(tag, "tagged");
        await using var other = await StartAsync(ServerProcessTag.Create(), "other");

        var result = ServerProcessTag.TerminateTagged(tag);

        Assert.Equal(new ServerProcessTag.TerminateResult(1), result);
        Assert.Equal(0, await tagged.WaitForExitAsync(TestTimeouts.DefaultToken()));
        Assert.Equal("sigterm", await File.ReadAllTextAsync(Path.Combine(_folder, "tagged")));
        Assert.True(ChildProcesses.IsAlive(other.Id));
        Assert.False(File.Exists(Path.Combine(_folder, "other")));
    }

    [Fact]
    public void TerminateTagged_FindsNothing_ForATagNoProcessCarries() =>
        Assert.Equal(new ServerProcessTag.TerminateResult(0), ServerProcessTag.TerminateTagged(ServerProcessTag.Create()));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<ChildProcess> StartAsync(string tag, string outFile)
    {
        var process = ChildProcess.Start("node", ["-e", Script], new Dictionary<string, string>
        {
            [ServerProcessTag.Variable] = tag,
            ["OUT"] = Path.Combine(_folder, outFile),
        });
        await process.WaitForLineAsync(static line => line == "ready", TestTimeouts.DefaultToken());
        return process;
    }
}
