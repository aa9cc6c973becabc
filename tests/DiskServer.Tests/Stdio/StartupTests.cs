using SkMcpAgent.Testing.Processes;

namespace DiskServer.Tests.Stdio;

public sealed class StartupTests
{
    [Fact]
    public async Task BuiltServer_ExitsWithCode2AndSaysWhy_WhenTheScanBudgetIsInvalid()
    {
        await using var server = ChildProcess.Start(
            RepoPaths.ServerExecutable("DiskServer"), [], new Dictionary<string, string> { ["DISK_SERVER_SCAN_BUDGET_SECONDS"] = "forever" });

        var exitCode = await server.WaitForExitAsync(TestTimeouts.DefaultToken());

        Assert.Equal(2, exitCode);
        Assert.Equal("disk: DISK_SERVER_SCAN_BUDGET_SECONDS must be a positive number of seconds, not 'forever'.", server.StandardError.Trim());
        Assert.Equal(string.Empty, server.StandardOutput);
    }
}
