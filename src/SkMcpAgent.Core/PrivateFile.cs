namespace SkMcpAgent.Core;

/// <summary>
/// Files only their owner may read (saved conversations, OAuth tokens), written so that nobody ever sees half a file:
/// one way of doing it for every such file.
/// </summary>
internal static class PrivateFile
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates <paramref name="path"/> (and its parents) readable by the owner only (0700), and narrows an existing
    /// folder to 0700: it may have been made by hand, or under a umask that let others in. A folder whose mode may not
    /// be changed (another user's) is left as it is: the files written into it are 0600 all the same. On Windows the
    /// folder keeps the access list it inherits (Unix modes do not apply there).
    /// </summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerOnlyFolder);
        if (File.GetUnixFileMode(path) == OwnerOnlyFolder)
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, OwnerOnlyFolder);
        }
        catch (UnauthorizedAccessException)
        {
            // EPERM: the folder belongs to someone else (only its owner may change its mode).
        }
    }

    /// <summary>
    /// Writes <paramref name="path"/> whole: <paramref name="write"/> fills a private (0600) temporary file beside it,
    /// which is flushed to disk and then renamed over the old file, so a crash or a Ctrl+C leaves the previous version
    /// or the new one, never half a file, and the contents are never readable by others, not even for a moment.
    /// </summary>
    public static async Task WriteAtomicallyAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid().ToString("N")[..8]}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            var stream = new FileStream(temporary, options);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
