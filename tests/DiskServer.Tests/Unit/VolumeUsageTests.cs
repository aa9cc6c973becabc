using System.Diagnostics;
using System.Globalization;
using DiskServer.Volumes;

namespace DiskServer.Tests.Unit;

public sealed class VolumeUsageTests
{
    private const long GiB = 1024L * 1024 * 1024;

    [Fact]
    public void FromSpace_ComputesUsedFreeReservedAndPercent_AsDfDoes()
    {
        // 100 GiB disk, 30 GiB free in all, 25 GiB of it available to users: 5 GiB reserved for root.
        var usage = VolumeUsage.FromSpace(new MountEntry("/dev/sda1", "/", "ext4"), 100 * GiB, 30 * GiB, 25 * GiB);

        Assert.Equal(70 * GiB, usage.UsedBytes);
        Assert.Equal(25 * GiB, usage.FreeBytes);
        Assert.Equal(5 * GiB, usage.ReservedBytes);
        Assert.Equal((100.0, 70.0, 25.0), (usage.TotalGb, usage.UsedGb, usage.FreeGb));
        Assert.Equal(73.7, usage.PercentUsed); // 70 / (70 + 25), as df's Use%
    }

    [Fact]
    public void Read_AgreesWithDriveInfo_ForTheRootVolume()
    {
        var drive = new DriveInfo("/");

        var usage = VolumeUsage.Read(new MountEntry("rootdev", "/", "ext4"));

        Assert.Equal(drive.TotalSize, usage.TotalBytes);
        AssertClose(drive.TotalSize - drive.TotalFreeSpace, usage.UsedBytes);
        AssertClose(drive.AvailableFreeSpace, usage.FreeBytes);
    }

    [Fact]
    public void Read_AgreesWithDf_ForEveryRealVolume()
    {
        foreach (var mount in MountTable.RealVolumes(MountTable.ReadSystem()))
        {
            var df = RunDf(mount.MountPoint);

            var usage = VolumeUsage.Read(mount);

            Assert.Equal(df.Total, usage.TotalBytes);
            AssertClose(df.Used, usage.UsedBytes);
            AssertClose(df.Available, usage.FreeBytes);
            // df rounds Use% up to a whole percent.
            Assert.InRange(usage.PercentUsed, df.Percent - 1.5, df.Percent + 0.5);
        }
    }

    // Other builds share this disk, so used and free move between two reads: allow what a parallel build may write
    // in that moment (256 MiB), still far below anything a reader of the GB figures could act on.
    private static void AssertClose(long expected, long actual) =>
        Assert.InRange(actual, expected - (256L << 20), expected + (256L << 20));

    private static (long Total, long Used, long Available, double Percent) RunDf(string mountPoint)
    {
        var start = new ProcessStartInfo("df", ["-B1", "-P", mountPoint]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);

        // Filesystem 1-blocks Used Available Capacity Mounted-on
        var fields = output.Split('\n')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (
            long.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[2], CultureInfo.InvariantCulture),
            long.Parse(fields[3], CultureInfo.InvariantCulture),
            double.Parse(fields[4].TrimEnd('%'), CultureInfo.InvariantCulture));
    }
}
