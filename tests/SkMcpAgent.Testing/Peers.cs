namespace SkMcpAgent.Testing;

/// <summary>
/// The third-party MCP peers from the npm registry (installed by ../shared/peers/install.sh, which .ci/run runs).
/// Their folder is MCP_PEERS_DIR when set, else ~/.cache/mcp-peers, as install.sh defaults.
/// </summary>
public static class Peers
{
    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("MCP_PEERS_DIR");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
            {
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            }

            return Path.Combine(cache, "mcp-peers");
        }
    }

    /// <summary>A wrapper script in the peers' bin folder, e.g. <c>Bin("server-everything")</c>.</summary>
    public static string Bin(string name)
    {
        var path = Path.Combine(Directory, "bin", name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"MCP peer '{name}' is not installed at {path}. Run ../shared/peers/install.sh (as .ci/run does).", path);
    }

    /// <summary>The node_modules folder where the peers' packages live (for the TypeScript SDK, say).</summary>
    public static string NodeModules => Path.Combine(Directory, "node_modules");
}
