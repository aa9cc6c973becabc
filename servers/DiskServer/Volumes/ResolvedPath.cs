using DiskServer.Formatting;

namespace DiskServer.Volumes;

/// <summary>A path as the user gave it and as the server understood it (absolute, symbolic links resolved).</summary>
/// <param name="Requested">The text the caller passed.</param>
/// <param name="FullPath">The absolute path with every symbolic link resolved.</param>
/// <param name="WasRelative">True when the request was relative and was resolved against the server's working directory.</param>
internal sealed record ResolvedPath(string Requested, string FullPath, bool WasRelative)
{
    /// <summary>A sentence for the model when the path was not taken as given, else null.</summary>
    public string? Note => WasRelative
        ? $"The relative path {DisplayPath.Quoted(Requested)} was resolved against the server's working directory ({DisplayPath.Quote(Environment.CurrentDirectory)}) to {DisplayPath.Quote(FullPath)}; pass an absolute path to be sure."
        : null;
}
