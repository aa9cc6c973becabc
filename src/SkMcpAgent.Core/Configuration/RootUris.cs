namespace SkMcpAgent.Core.Configuration;

/// <summary>Turns what a user writes for a root (a folder path or a file:// URI) into the URI servers receive.</summary>
public static class RootUris
{
    /// <summary>A <c>file://</c> URI ending in '/', so that it names the folder itself; null for anything else.</summary>
    public static string? FromPathOrUri(string value, string baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string path;
        if (value.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !uri.IsFile)
            {
                return null;
            }

            path = uri.LocalPath;
        }
        else if (value.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }
        else
        {
            path = value == "~" || value.StartsWith("~/", StringComparison.Ordinal)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), value.TrimStart('~').TrimStart('/'))
                : value;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, baseDirectory));
        return new Uri(full.EndsWith(Path.DirectorySeparatorChar) ? full : full + Path.DirectorySeparatorChar).AbsoluteUri;
    }
}
