namespace SkMcpAgent.Hosting;

/// <summary>
/// Finds the MCP server list the way users of other MCP clients expect: <c>--config</c> (a file, or inline JSON),
/// else the first of the project's <c>.mcp.json</c> (Claude Code), <c>mcp.json</c>, <c>.vscode/mcp.json</c> (VS Code)
/// in the current folder, else the user-level file, else the <c>mcp.json</c> shipped at the repository root (found
/// by walking up from the executable to SkMcpAgent.sln), so <c>dotnet run</c> works from anywhere in the clone.
/// </summary>
public static class ConfigLocator
{
    public const string FileName = "mcp.json";

    /// <summary>The project files looked for in the current folder, in order.</summary>
    public static readonly string[] ProjectFiles = [".mcp.json", FileName, Path.Combine(".vscode", FileName)];

    /// <summary>True when a <c>--config</c> value is the server list itself rather than a path.</summary>
    public static bool IsInlineJson(string? value) => value is not null && value.TrimStart().StartsWith('{');

    /// <summary>The user-level file: <c>$XDG_CONFIG_HOME/skmcpagent/mcp.json</c>, else <c>~/.config/skmcpagent/mcp.json</c>.</summary>
    public static string UserConfigFile(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var configHome = getVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(getVariable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(configHome, "skmcpagent", FileName);
    }

    /// <summary>The files looked for when there is no <c>--config</c>, in order: the project's, then the user's.</summary>
    public static IReadOnlyList<string> Candidates(string currentDirectory, string? userConfigFile) =>
        [.. ProjectFiles.Select(name => Path.Combine(currentDirectory, name)), .. userConfigFile is null ? Array.Empty<string>() : [userConfigFile]];

    /// <summary>The file to load, or null when there is none (the agent then runs without servers).</summary>
    public static string? Resolve(string? explicitPath, string currentDirectory, string? baseDirectory = null, string? userConfigFile = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath, currentDirectory);
        }

        return Candidates(currentDirectory, userConfigFile).FirstOrDefault(File.Exists)
            ?? FindRepositoryConfig(baseDirectory ?? AppContext.BaseDirectory);
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
