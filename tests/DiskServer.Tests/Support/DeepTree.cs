using System.Diagnostics;

namespace DiskServer.Tests.Support;

/// <summary>
/// A directory nested thousands of levels deep (d/d/d/...), with a file at the top and one at the bottom. Its paths
/// are longer than Linux's PATH_MAX, so neither .NET nor mkdir -p can make or remove it by full path: the shell
/// makes it in chunks (mkdir -p, then cd into the chunk) and rm -rf, which walks with relative names, removes it.
/// </summary>
internal sealed class DeepTree : IAsyncDisposable
{
    private const int LevelsPerChunk = 1000;

    private DeepTree(string root) => Root = root;

    public string Root { get; }

    /// <summary>Bytes of the file beside the first level, which every scan can count.</summary>
    public const int TopFileBytes = 3000;

    public static async Task<DeepTree> CreateAsync(int levels)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(levels % LevelsPerChunk, 0);
        var root = Directory.CreateTempSubdirectory("disk-deep-").FullName;
        File.WriteAllBytes(Path.Combine(root, "top.bin"), new byte[TopFileBytes]);
        var chunk = string.Join('/', Enumerable.Repeat("d", LevelsPerChunk));
        await ShellAsync(
            """cd "$1" && i=0 && while [ "$i" -lt "$2" ]; do mkdir -p "$3" && cd -P "$3" || exit 1; i=$((i + 1)); done && printf x > bottom.bin""",
            root, (levels / LevelsPerChunk).ToString(System.Globalization.CultureInfo.InvariantCulture), chunk);
        return new DeepTree(root);
    }

    public async ValueTask DisposeAsync() => await ShellAsync("""rm -rf "$1" """, Root);

    private static async Task ShellAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-c", script, "sh", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(TestTimeouts.DefaultToken());
        await process.WaitForExitAsync(TestTimeouts.DefaultToken());
        Assert.True(process.ExitCode == 0, $"sh failed ({process.ExitCode}): {stderr}");
    }
}
