using System.Diagnostics;

namespace SkMcpAgent.Testing;

/// <summary>
/// The third-party MCP peers from the npm registry (conformance suite, server-everything, inspector CLI, the
/// TypeScript SDK). They live in MCP_PEERS_DIR when set, else ~/.cache/mcp-peers, as ../shared/peers/install.sh
/// defaults. The first test that needs one installs them (once per machine, under a cross-process lock), so
/// <c>dotnet test SkMcpAgent.sln</c> works on a fresh clone with nothing but the .NET SDK, node and npm.
/// </summary>
public static class Peers
{
    private static readonly Lazy<string> s_installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

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

    /// <summary>A wrapper script in the peers' bin folder, e.g. <c>Bin("server-everything")</c>; installs the peers if needed.</summary>
    public static string Bin(string name)
    {
        var path = Path.Combine(s_installed.Value, "bin", name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"MCP peer '{name}' is not in {path} after running ../shared/peers/install.sh.", path);
    }

    /// <summary>The node_modules folder where the peers' packages live (for the TypeScript SDK, say).</summary>
    public static string NodeModules => Path.Combine(s_installed.Value, "node_modules");

    private static string Install()
    {
        var directory = Directory;
        System.IO.Directory.CreateDirectory(directory);
        var script = Path.Combine(RepoPaths.Shared, "peers", "install.sh");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"The peers installer is missing: {script} (../shared beside the repository).", script);
        }

        // Test assemblies run in parallel processes; npm must not install into one folder twice at once.
        using var installLock = AcquireLock(Path.Combine(directory, ".install.lock"));
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add(directory);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start bash to install the MCP peers.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Installing the MCP peers took more than 5 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Installing the MCP peers failed (exit {process.ExitCode}): {stderr.Result}{stdout.Result}");
        }

        return directory;
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another test process holds the lock while it installs; wait for it rather than install twice.
                Thread.Sleep(200);
            }
        }
    }
}
