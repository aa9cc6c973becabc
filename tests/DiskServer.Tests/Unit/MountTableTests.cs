using DiskServer.Volumes;

namespace DiskServer.Tests.Unit;

public sealed class MountTableTests
{
    // A typical container host's /proc/mounts: pseudo file systems, a disk with bind mounts, a second disk whose
    // mount point has a space in it (written \040 by the kernel), docker overlays and snap squashfs images.
    private const string ProcMounts = """
        sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
        proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
        udev /dev devtmpfs rw,nosuid,relatime,size=8000000k 0 0
        devpts /dev/pts devpts rw,nosuid,noexec,relatime 0 0
        tmpfs /run tmpfs rw,nosuid,nodev,noexec,relatime,size=1600000k 0 0
        /dev/sda2 / ext4 rw,relatime 0 0
        securityfs /sys/kernel/security securityfs rw,nosuid,nodev,noexec,relatime 0 0
        cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime 0 0
        /dev/sda1 /boot/efi vfat rw,relatime 0 0
        /dev/sdb1 /mnt/backup\040disk xfs rw,relatime 0 0
        /dev/loop3 /snap/core/1 squashfs ro,nodev,relatime 0 0
        /dev/sda2 /var/lib/docker/volumes ext4 rw,relatime 0 0
        /dev/sda2 /etc/hosts ext4 rw,relatime 0 0
        overlay /var/lib/docker/overlay2/abc/merged overlay rw,relatime,lowerdir=/x 0 0
        tmpfs /dev/shm tmpfs rw,nosuid,nodev 0 0
        """;

    [Fact]
    public void Parse_ReadsDeviceMountPointAndType_AndUnescapesOctal()
    {
        var entries = MountTable.Parse(ProcMounts);

        Assert.Equal(15, entries.Count);
        Assert.Contains(new MountEntry("/dev/sdb1", "/mnt/backup disk", "xfs"), entries);
        Assert.Equal(new MountEntry("sysfs", "/sys", "sysfs"), entries[0]);
    }

    [Fact]
    public void Parse_SkipsBlankAndShortLines()
    {
        var entries = MountTable.Parse("\n\nbroken line\n/dev/sda1 / ext4 rw 0 0\n");

        Assert.Equal([new MountEntry("/dev/sda1", "/", "ext4")], entries);
    }

    [Fact]
    public void RealVolumes_DropsPseudoFileSystems_AndListsEachDeviceOnceAtItsShortestMountPoint()
    {
        var volumes = MountTable.RealVolumes(MountTable.Parse(ProcMounts));

        Assert.Equal(["/", "/boot/efi", "/mnt/backup disk"], volumes.Select(v => v.MountPoint));
        Assert.Equal(["/dev/sda2", "/dev/sda1", "/dev/sdb1"], volumes.Select(v => v.Device));
    }

    [Fact]
    public void RealVolumes_KeepsOverlay_WhenItIsTheContainerRoot()
    {
        var volumes = MountTable.RealVolumes(MountTable.Parse("""
            overlay / overlay rw,relatime,lowerdir=/a 0 0
            proc /proc proc rw 0 0
            /dev/vda /etc/hosts ext4 rw 0 0
            """));

        Assert.Equal(["/", "/etc/hosts"], volumes.Select(v => v.MountPoint));
    }

    [Theory]
    [InlineData("proc", "/proc", true)]
    [InlineData("cgroup", "/sys/fs/cgroup/cpu", true)]
    [InlineData("tmpfs", "/run", true)]
    [InlineData("devtmpfs", "/dev", true)]
    [InlineData("overlay", "/var/lib/docker/overlay2/x/merged", true)]
    [InlineData("overlay", "/", false)]
    [InlineData("ext4", "/", false)]
    [InlineData("btrfs", "/home", false)]
    [InlineData("nfs4", "/mnt/share", false)]
    public void IsPseudo_ClassifiesByFileSystemType(string type, string mountPoint, bool expected)
    {
        Assert.Equal(expected, MountTable.IsPseudo(new MountEntry("dev", mountPoint, type)));
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/home/user/file.txt", "/")]
    [InlineData("/boot/efi/EFI/boot", "/boot/efi")]
    [InlineData("/boot/efix", "/")] // a prefix of the text but not of whole path components
    [InlineData("/mnt/backup disk/2024", "/mnt/backup disk")]
    [InlineData("/proc/1/status", "/proc")]
    public void FindContaining_PicksLongestWholeComponentPrefix(string path, string expectedMountPoint)
    {
        var mount = MountTable.FindContaining(MountTable.Parse(ProcMounts), path);

        Assert.Equal(expectedMountPoint, mount?.MountPoint);
    }

    [Fact]
    public void FindContaining_PicksLastMount_WhenMountsAreStacked()
    {
        var entries = MountTable.Parse("""
            /dev/sda1 / ext4 rw 0 0
            /dev/sdb1 /data ext4 rw 0 0
            /dev/sdc1 /data xfs rw 0 0
            """);

        Assert.Equal("/dev/sdc1", MountTable.FindContaining(entries, "/data/x")?.Device);
    }

    [Fact]
    public void FindContaining_ReturnsNull_WhenNoMountMatches()
    {
        Assert.Null(MountTable.FindContaining(MountTable.Parse("/dev/sdb1 /data ext4 rw 0 0"), "/home"));
    }

    [Fact]
    public void ReadSystem_ListsTheRootVolume_OnThisMachine()
    {
        var volumes = MountTable.RealVolumes(MountTable.ReadSystem());

        Assert.Contains(volumes, v => v.MountPoint == "/");
        Assert.DoesNotContain(volumes, v => v.FileSystemType is "proc" or "sysfs" or "tmpfs");
    }
}
