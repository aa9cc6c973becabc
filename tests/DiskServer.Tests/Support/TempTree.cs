namespace DiskServer.Tests.Support;

/// <summary>A directory tree under the temp folder, deleted on dispose; files are written with exact sizes.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "disk-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public string Directory(string relative) => System.IO.Directory.CreateDirectory(Path(relative)).FullName;

    public string File(string relative, int bytes)
    {
        var path = Path(relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, new byte[bytes]);
        return path;
    }

    public string Link(string relative, string target)
    {
        var path = Path(relative);
        System.IO.File.CreateSymbolicLink(path, target);
        return path;
    }

    public void Dispose()
    {
        // Links are deleted, not followed, by recursive delete.
        System.IO.Directory.Delete(Root, recursive: true);
    }
}
