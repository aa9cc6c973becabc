using ModelContextProtocol.Authentication;
using SkMcpAgent.Core.Mcp.Auth;

namespace SkMcpAgent.Core.Tests.Mcp.Auth;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TokenFileCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Directory.CreateTempSubdirectory("skmcp-tokens-").FullName, "tokens");

    [Fact]
    public async Task Store_WritesAnOwnerOnlyFile_ThatAnotherCacheForTheServerReads()
    {
        var cache = new TokenFileCache(_folder, "remote", "https://h/mcp");
        var tokens = new TokenContainer { TokenType = "Bearer", AccessToken = "at-1", RefreshToken = "rt-1", ExpiresIn = 60, ObtainedAt = DateTimeOffset.UtcNow };

        await cache.StoreTokensAsync(tokens, CancellationToken.None);
        var read = await new TokenFileCache(_folder, "remote", "https://h/mcp").GetTokensAsync(CancellationToken.None);

        Assert.Equal("at-1", read?.AccessToken);
        Assert.Equal("rt-1", read?.RefreshToken);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cache.FilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Store_NarrowsAnExistingFolderThatOthersCouldRead()
    {
        Directory.CreateDirectory(_folder);
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        var cache = new TokenFileCache(_folder, "remote", "https://h/mcp");

        await cache.StoreTokensAsync(new TokenContainer { TokenType = "Bearer", AccessToken = "at", ObtainedAt = DateTimeOffset.UtcNow }, CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cache.FilePath));
    }

    [Fact]
    public async Task Get_IsNull_ForAnotherUrl_ForADamagedFile_AndAfterDelete()
    {
        var cache = new TokenFileCache(_folder, "remote", "https://h/mcp");
        await cache.StoreTokensAsync(new TokenContainer { TokenType = "Bearer", AccessToken = "at", ObtainedAt = DateTimeOffset.UtcNow }, CancellationToken.None);

        Assert.Null(await new TokenFileCache(_folder, "remote", "https://other/mcp").GetTokensAsync(CancellationToken.None));
        await File.WriteAllTextAsync(cache.FilePath, "{ not json");
        Assert.Null(await cache.GetTokensAsync(CancellationToken.None));
        Assert.True(cache.Delete());
        Assert.False(cache.Delete());
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
}
