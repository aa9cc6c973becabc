using System.Runtime.InteropServices;
using DiskServer.SystemInfo;

namespace DiskServer.Tests.Unit;

public sealed class OsInfoReaderTests
{
    [Fact]
    public void ParsePrettyName_UnquotesPrettyName()
    {
        const string osRelease = """
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            ID=debian
            """;

        Assert.Equal("Debian GNU/Linux 12 (bookworm)", OsInfoReader.ParsePrettyName(osRelease));
    }

    [Fact]
    public void ParsePrettyName_FallsBackToNameAndVersion_WhenPrettyNameIsMissing()
    {
        Assert.Equal("Alpine Linux 3.20", OsInfoReader.ParsePrettyName("# comment\nNAME='Alpine Linux'\nVERSION=3.20\n"));
    }

    [Fact]
    public void ParsePrettyName_ReturnsNull_WhenNothingNamesTheOs()
    {
        Assert.Null(OsInfoReader.ParsePrettyName("ID=x\n"));
    }

    [Theory]
    [InlineData(59, "0 h 0 min")]
    [InlineData(3 * 3600 + 7 * 60, "3 h 7 min")]
    [InlineData(86400 + 3600, "1 day, 1 h 0 min")]
    [InlineData(3 * 86400, "3 days, 0 h 0 min")]
    public void FormatUptime_SaysDaysHoursMinutes(int seconds, string expected)
    {
        Assert.Equal(expected, OsInfoReader.FormatUptime(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Read_DescribesThisMachine()
    {
        var info = OsInfoReader.Read();

        Assert.Equal(Environment.MachineName, info.MachineName);
        Assert.Equal(Environment.ProcessorCount, info.ProcessorCount);
        Assert.Equal(RuntimeInformation.OSArchitecture.ToString(), info.Architecture);
        Assert.StartsWith(".NET ", info.Runtime, StringComparison.Ordinal);
        Assert.True(info.UptimeSeconds > 0);
        if (File.Exists("/etc/os-release"))
        {
            Assert.Equal(OsInfoReader.ParsePrettyName(File.ReadAllText("/etc/os-release")), info.Name);
        }
    }
}
