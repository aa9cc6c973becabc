namespace SkMcpAgent.Core.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFileTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string _root = Directory.CreateTempSubdirectory("skmcp-private-").FullName;

    [Fact]
    public void CreateFolder_MakesANewFolderOwnerOnly_WhenItsParentIsMissingToo()
    {
        var folder = Path.Combine(_root, "data", "skmcpagent");

        PrivateFile.CreateFolder(folder);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(folder));
    }

    [Fact]
    public void CreateFolder_NarrowsAnExistingFolderOthersCouldRead_AndKeepsWhatIsInIt()
    {
        var folder = Path.Combine(_root, "made-by-hand");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(folder, "kept.json"), "{}");

        PrivateFile.CreateFolder(folder);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(folder));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(folder, "kept.json")));
    }

    [Fact]
    public void CreateFolder_LeavesAFolderAsItIs_WhenItsModeMayNotBeChanged()
    {
        // Linux refuses any mode change on /proc/self/fd (0500), even to root (EPERM, as for another user's folder).
        const string folder = "/proc/self/fd";
        var before = File.GetUnixFileMode(folder);

        PrivateFile.CreateFolder(folder);

        Assert.NotEqual(OwnerOnly, before);
        Assert.Equal(before, File.GetUnixFileMode(folder));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
