using DiskServer.Tests.Support;

namespace DiskServer.Tests.InMemory;

public sealed class OsInfoToolTests
{
    [Fact]
    public async Task GetOsInfo_DescribesTheMachine_InTextAndStructuredContent()
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_os_info");

        var structured = result.Structured();
        Assert.Equal(Environment.MachineName, structured.GetProperty("machineName").GetString());
        Assert.Equal(Environment.ProcessorCount, structured.GetProperty("processorCount").GetInt32());
        Assert.Contains($"Machine name: {Environment.MachineName}", result.Text(), StringComparison.Ordinal);
        Assert.Contains("Uptime: ", result.Text(), StringComparison.Ordinal);
        Assert.Contains("Runtime: .NET ", result.Text(), StringComparison.Ordinal);
    }
}
