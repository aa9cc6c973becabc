using System.Text.Json;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Benchmarks.Versus;

/// <summary>One stdio MCP server of a job.</summary>
internal sealed record JobServer(string Name, string Command, IReadOnlyList<string> Args);

/// <summary>
/// One single-shot job every contender runs: these servers, one question, and the one tool call the fake model asks
/// for (on <see cref="ToolServer"/>) before it answers <see cref="Answer"/>.
/// </summary>
internal sealed record VersusJob(string Name, IReadOnlyList<JobServer> Servers, string ToolServer, string Tool, string ArgumentsJson)
{
    public const string Question = "Use the tool, then answer.";
    public const string Answer = "The tool answered; all is well.";

    /// <param name="serverDll">
    /// Start the disk server as <c>dotnet DiskServer.dll</c> (its JIT-compiled form, ~50 MB resident) instead of the
    /// executable the shipped mcp.json starts (NativeAOT where the build could make it, ~17 MB).
    /// </param>
    public static VersusJob Disk(bool serverDll) => new("disk server, get_disk_usage", [DiskServer("disk", serverDll)], "disk", "get_disk_usage", "{}");

    public static VersusJob Everything() =>
        new("server-everything, echo", [new JobServer("everything", Peers.Bin("server-everything"), ["stdio"])], "everything", "echo", """{"message":"hi"}""");

    /// <summary>Ten disk servers (disk01..disk10: no name is part of another, so tool names match one server).</summary>
    public static VersusJob TenServers(bool serverDll) =>
        new("ten stdio servers", [.. Enumerable.Range(1, 10).Select(i => DiskServer($"disk{i:00}", serverDll))], "disk01", "get_disk_usage", "{}");

    /// <summary>Whether <paramref name="offered"/> is this job's tool as a contender names it (disk_x, mcp__disk__x, disk__x).</summary>
    public bool IsTheTool(string offered) =>
        offered.EndsWith(Tool, StringComparison.Ordinal) && offered.Contains(ToolServer, StringComparison.Ordinal);

    /// <summary>The <c>mcpServers</c> object of Claude's and our mcp.json.</summary>
    public string McpServersJson() => JsonSerializer.Serialize(new
    {
        mcpServers = Servers.ToDictionary(static s => s.Name, static s => new { type = "stdio", command = s.Command, args = s.Args }),
    });

    /// <summary>Codex's <c>[mcp_servers.NAME]</c> tables.</summary>
    public string CodexServersToml() => string.Concat(Servers.Select(static s =>
        $"\n[mcp_servers.{s.Name}]\ncommand = {TomlString(s.Command)}\nargs = [{string.Join(", ", s.Args.Select(TomlString))}]\nstartup_timeout_sec = 60\n"));

    // JSON string escaping is valid TOML basic-string escaping for paths and plain words.
    internal static string TomlString(string value) => JsonSerializer.Serialize(value);

    private static JobServer DiskServer(string name, bool dll) =>
        dll ? new(name, "dotnet", [RepoPaths.ServerDll("DiskServer")]) : new(name, RepoPaths.ServerExecutable("DiskServer"), []);
}
