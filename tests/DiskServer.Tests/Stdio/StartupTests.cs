using System.Diagnostics;
using DiskServer.Tests.Support;

namespace DiskServer.Tests.Stdio;

public sealed class StartupTests
{
    [Fact]
    public async Task BuiltServer_ExitsWithCode2AndSaysWhy_WhenTheScanBudgetIsInvalid()
    {
        var start = new ProcessStartInfo("dotnet", [RepoPaths.ServerDll("DiskServer")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DISK_SERVER_SCAN_BUDGET_SECONDS"] = "forever" },
        };
        using var process = Process.Start(start)!;
        try
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync(TestTimeouts.DefaultToken());

            Assert.Equal(2, process.ExitCode);
            Assert.Equal("disk: DISK_SERVER_SCAN_BUDGET_SECONDS must be a positive number of seconds, not 'forever'.", (await stderr).Trim());
            Assert.Equal(string.Empty, await stdout);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
