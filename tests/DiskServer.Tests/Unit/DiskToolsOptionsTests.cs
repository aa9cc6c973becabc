using DiskServer.Tools;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiskServer.Tests.Unit;

public sealed class DiskToolsOptionsTests
{
    [Fact]
    public void FromEnvironment_UsesTwentySeconds_WhenUnset()
    {
        var options = DiskToolsOptions.FromEnvironment(NullLoggerFactory.Instance, _ => null);

        Assert.Equal(TimeSpan.FromSeconds(20), options.ScanBudget);
    }

    [Fact]
    public void FromEnvironment_ReadsScanBudgetSeconds()
    {
        var options = DiskToolsOptions.FromEnvironment(NullLoggerFactory.Instance, name => name == DiskToolsOptions.ScanBudgetVariable ? "2.5" : null);

        Assert.Equal(TimeSpan.FromSeconds(2.5), options.ScanBudget);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("soon")]
    public void FromEnvironment_Throws_WhenScanBudgetIsNotPositive(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => DiskToolsOptions.FromEnvironment(NullLoggerFactory.Instance, _ => value));

        Assert.Equal($"DISK_SERVER_SCAN_BUDGET_SECONDS must be a positive number of seconds, not '{value}'.", error.Message);
    }
}
