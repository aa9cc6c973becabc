namespace SkMcpAgent.Hosting;

/// <summary>
/// Finds the MCP server list: --config, else ./mcp.json, else the mcp.json shipped at the repository root (found
/// by walking up from the executable to SkMcpAgent.sln), so <c>dotnet run</c> works from anywhere in the clone.
/// </summary>
public static class ConfigLocator
{
    public const string FileName = "mcp.json";

    /// <summary>The file to load, or null when there is none (the agent then runs without servers).</summary>
    public static string? Resolve(string? explicitPath, string currentDirectory, string? baseDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath, currentDirectory);
        }

        var local = Path.Combine(currentDirectory, FileName);
        if (File.Exists(local))
        {
            return local;
        }

        return FindRepositoryConfig(baseDirectory ?? AppContext.BaseDirectory);
    }

    /// <summary>The mcp.json beside SkMcpAgent.sln above <paramref name="startDirectory"/>, if any.</summary>
    public static string? FindRepositoryConfig(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SkMcpAgent.sln")))
            {
                var candidate = Path.Combine(dir.FullName, FileName);
                return File.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
