namespace DiskServer.Volumes;

/// <summary>Turns a user's path into an absolute one with symbolic links resolved, as realpath(3) does.</summary>
internal static class PathResolver
{
    // Linux gives up after 40 links (ELOOP); so do we.
    private const int MaxLinkHops = 40;

    /// <summary>Resolves <paramref name="requested"/> against <paramref name="workingDirectory"/> when relative, then resolves links.</summary>
    /// <exception cref="IOException">A chain of links is longer than 40 (a loop).</exception>
    public static ResolvedPath Resolve(string requested, string workingDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requested);
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);

        var expanded = ExpandHome(requested.Trim());
        var wasRelative = !Path.IsPathRooted(expanded);
        var absolute = wasRelative ? Path.Combine(workingDirectory, expanded) : expanded;
        return new ResolvedPath(requested, ResolveLinks(absolute), wasRelative);
    }

    /// <summary>
    /// Walks the path one component at a time so that links in the middle resolve too, and ".." applies to
    /// where a link led, not to the link's own parent. Components that do not exist are kept as written.
    /// </summary>
    public static string ResolveLinks(string absolutePath)
    {
        var root = Path.GetPathRoot(absolutePath) ?? Path.DirectorySeparatorChar.ToString();
        var pending = new Stack<string>();
        PushComponents(pending, absolutePath[root.Length..]);
        var current = root;
        var hops = 0;

        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var candidate = Path.Combine(current, part);
            var target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new IOException($"Too many levels of symbolic links at '{candidate}' (a link loop?).");
            }

            // Restart from the link target's root with its components ahead of what remained.
            var targetPath = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            var targetRoot = Path.GetPathRoot(targetPath) ?? root;
            PushComponents(pending, targetPath[targetRoot.Length..]);
            current = targetRoot;
        }

        return current;
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    // Models often write "~/..." as a user would; the shell is not there to expand it.
    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path[2..] : string.Empty)
            : path;
}
