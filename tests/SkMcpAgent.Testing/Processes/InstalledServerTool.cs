using ModelContextProtocol.Client;
using Xunit;

namespace SkMcpAgent.Testing.Processes;

/// <summary>
/// A shipped server packed as a .NET tool (dotnet pack) and installed from that package into a temp tool path
/// (dotnet tool install --tool-path), the way a user of any MCP host would get it; deleted on dispose.
/// </summary>
public sealed class InstalledServerTool : IDisposable
{
    // Packing and installing run two dotnet commands on a busy machine: longer than one MCP exchange.
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    private readonly DirectoryInfo _work;

    private InstalledServerTool(DirectoryInfo work, string command, string package)
    {
        _work = work;
        Command = command;
        Package = package;
    }

    /// <summary>The installed tool's command (its shim in the tool path).</summary>
    public string Command { get; }

    /// <summary>The .nupkg that was installed.</summary>
    public string Package { get; }

    public static async Task<InstalledServerTool> PackAndInstallAsync(string serverProject, string packageId, string commandName)
    {
        var work = Directory.CreateTempSubdirectory("skmcp-tool-");
        try
        {
            var packages = Path.Combine(work.FullName, "packages");
            var tools = Path.Combine(work.FullName, "tools");
            var project = Path.Combine(RepoPaths.Root, "servers", serverProject, serverProject + ".csproj");

            // --no-build packs what the solution build compiled: nothing is rebuilt; the tool's files gather in the temp folder.
            await RunAsync(["pack", project, "--no-build", "-c", RepoPaths.BuildConfiguration, "-o", packages, $"-p:PublishDir={work.FullName}/publish/"]);
            await RunAsync(["tool", "install", packageId, "--tool-path", tools, "--add-source", packages, "--ignore-failed-sources"]);

            var package = Assert.Single(Directory.GetFiles(packages, packageId + ".*.nupkg"));
            var command = Path.Combine(tools, OperatingSystem.IsWindows() ? commandName + ".exe" : commandName);
            Assert.True(File.Exists(command), $"dotnet tool install made no command {command}");
            return new InstalledServerTool(work, command, package);
        }
        catch
        {
            work.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>An MCP client over stdio to the installed tool; disposing it ends the server.</summary>
    public async Task<McpClient> ConnectAsync(IDictionary<string, string?>? environment = null) =>
        await McpClient.CreateAsync(
            new StdioClientTransport(new StdioClientTransportOptions { Name = Path.GetFileName(Command), Command = Command, EnvironmentVariables = environment }),
            cancellationToken: TestTimeouts.DefaultToken());

    public void Dispose() => _work.Delete(recursive: true);

    private static async Task RunAsync(IEnumerable<string> arguments)
    {
        await using var dotnet = ChildProcess.Start("dotnet", arguments, new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
        using var timeout = new CancellationTokenSource(s_timeout);
        var exitCode = await dotnet.WaitForExitAsync(timeout.Token);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({exitCode}):\n{dotnet.StandardOutput}\n{dotnet.StandardError}");
    }
}
