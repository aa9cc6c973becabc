using DiskServer.Tests.Support;
using DiskServer.Volumes;

namespace DiskServer.Tests.Unit;

public sealed class PathResolverTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Resolve_CombinesWithWorkingDirectory_AndSaysSo_WhenRelative()
    {
        var dir = _tree.Directory("a/b");

        var resolved = PathResolver.Resolve("a/b", _tree.Root);

        Assert.Equal(dir, resolved.FullPath);
        Assert.True(resolved.WasRelative);
        Assert.Contains("relative path 'a/b' was resolved against the server's working directory", resolved.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_HasNoNote_WhenAbsolute()
    {
        var resolved = PathResolver.Resolve(_tree.Root, "/");

        Assert.False(resolved.WasRelative);
        Assert.Null(resolved.Note);
    }

    [Fact]
    public void ResolveLinks_FollowsLinksInTheMiddleOfThePath()
    {
        var real = _tree.Directory("real/inner");
        _tree.Link("alias", _tree.Path("real"));

        Assert.Equal(real, PathResolver.ResolveLinks(_tree.Path("alias/inner")));
    }

    [Fact]
    public void ResolveLinks_AppliesDotDotToWhereALinkLed()
    {
        _tree.Directory("x/deep/target");
        _tree.Directory("y");
        _tree.Link("y/jump", _tree.Path("x/deep/target"));

        // realpath: y/jump/.. is x/deep, not y.
        Assert.Equal(_tree.Path("x/deep"), PathResolver.ResolveLinks(_tree.Path("y/jump/..")));
    }

    [Fact]
    public void ResolveLinks_FollowsRelativeLinkTargets()
    {
        var target = _tree.Directory("data/2024");
        _tree.Directory("links");
        _tree.Link("links/current", "../data/2024");

        Assert.Equal(target, PathResolver.ResolveLinks(_tree.Path("links/current")));
    }

    [Fact]
    public void ResolveLinks_Throws_WhenLinksLoop()
    {
        _tree.Link("ping", _tree.Path("pong"));
        _tree.Link("pong", _tree.Path("ping"));

        var error = Assert.Throws<IOException>(() => PathResolver.ResolveLinks(_tree.Path("ping/x")));
        Assert.Contains("Too many levels of symbolic links", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveLinks_KeepsMissingComponentsAsWritten()
    {
        Assert.Equal(_tree.Path("missing/child"), PathResolver.ResolveLinks(_tree.Path("missing/./child")));
    }
}
