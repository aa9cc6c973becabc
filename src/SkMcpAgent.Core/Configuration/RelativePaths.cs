namespace SkMcpAgent.Core.Configuration;

/// <summary>
/// Resolves paths in a server entry against the config file's folder, so an entry such as
/// <c>"args": ["artifacts/servers/DiskServer/DiskServer.dll"]</c> works from any current directory.
/// </summary>
internal static class RelativePaths
{
    // Files a command line typically names; an argument with a separator and one of these is taken as a path
    // even before the file exists (the servers may not be built yet when the list is read).
    private static readonly string[] s_programExtensions = [".dll", ".exe", ".js", ".mjs", ".cjs", ".py", ".jar", ".sh", ".ts"];

    /// <summary>A bare command name (<c>dotnet</c>, <c>npx</c>) stays for PATH lookup; <c>./x</c> or <c>bin/x</c> is resolved.</summary>
    public static string ResolveCommand(string command, string baseDirectory) =>
        HasSeparator(command) && !Path.IsPathRooted(command) && !IsUrl(command)
            ? Path.GetFullPath(command, baseDirectory)
            : command;

    /// <summary>
    /// Only arguments that clearly are relative paths change: <c>./x</c>, <c>../x</c>, or <c>dir/file.dll</c>-like
    /// names, or any relative name that exists beside the config. Flags, URLs and npm package names
    /// (<c>@scope/name</c>) are left alone.
    /// </summary>
    public static string ResolveArgument(string argument, string baseDirectory)
    {
        if (argument.Length == 0 || argument[0] is '-' or '@' || Path.IsPathRooted(argument) || IsUrl(argument) || !HasSeparator(argument))
        {
            return argument;
        }

        var explicitlyRelative = argument.StartsWith("./", StringComparison.Ordinal) || argument.StartsWith("../", StringComparison.Ordinal)
            || argument.StartsWith(".\\", StringComparison.Ordinal) || argument.StartsWith("..\\", StringComparison.Ordinal);
        var looksLikeProgram = s_programExtensions.Any(e => argument.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        var candidate = Path.GetFullPath(argument, baseDirectory);
        return explicitlyRelative || looksLikeProgram || File.Exists(candidate) || Directory.Exists(candidate)
            ? candidate
            : argument;
    }

    private static bool HasSeparator(string value) => value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal);

    private static bool IsUrl(string value) => value.Contains("://", StringComparison.Ordinal);
}
