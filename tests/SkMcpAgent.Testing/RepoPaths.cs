namespace SkMcpAgent.Testing;

/// <summary>Where things are in the repository and its build output, found from the test's own location.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder holding SkMcpAgent.sln.</summary>
    public static string Root => s_root.Value;

    /// <summary>The shared folder beside the repository (fixtures, peers).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The recorded NWS API responses.</summary>
    public static string NwsFixtures => Path.Combine(Shared, "fixtures", "nws");

    /// <summary>The built server assembly, e.g. <c>ServerDll("WeatherServer")</c>; servers build to one fixed folder.</summary>
    public static string ServerDll(string serverProject) =>
        RequireFile(Path.Combine(Root, "artifacts", "servers", serverProject, serverProject + ".dll"));

    /// <summary>
    /// The built server as the shipped mcp.json starts it, e.g. <c>ServerExecutable("DiskServer")</c>: a native
    /// executable where the build could make one, else the ReadyToRun apphost (servers/Directory.Build.targets).
    /// </summary>
    public static string ServerExecutable(string serverProject) =>
        RequireFile(Path.Combine(Root, "artifacts", "servers", serverProject, OperatingSystem.IsWindows() ? serverProject + ".exe" : serverProject));

    /// <summary>
    /// The built agent as users start it, in the configuration the tests were built in: a NativeAOT executable where
    /// the build could make one, else the ReadyToRun apphost (build/FastStart.targets). Tests run this, not
    /// <c>dotnet SkMcpAgent.dll</c>, so the shipped form is the tested one. <c>SKMCPAGENT_TEST_EXECUTABLE</c> names
    /// another build to test instead (a NativeAOT publish, say).
    /// </summary>
    public static string AgentExecutable =>
        RequireFile(Environment.GetEnvironmentVariable("SKMCPAGENT_TEST_EXECUTABLE") is { Length: > 0 } other
            ? other
            : Path.Combine(Root, "src", "SkMcpAgent", "bin", BuildConfiguration, "net10.0", OperatingSystem.IsWindows() ? "SkMcpAgent.exe" : "SkMcpAgent"));

    /// <summary>The agent's IL assembly beside <see cref="AgentExecutable"/>, for <c>dotnet SkMcpAgent.dll</c> (JIT).</summary>
    public static string AgentAssembly =>
        RequireFile(Path.Combine(Root, "src", "SkMcpAgent", "bin", BuildConfiguration, "net10.0", "SkMcpAgent.dll"));

    /// <summary>The configuration the tests were built in (Debug or Release), which the build outputs share.</summary>
    public static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"Build output not found: {path}. Build the solution first (dotnet build SkMcpAgent.sln).", path);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SkMcpAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SkMcpAgent.sln not found above {AppContext.BaseDirectory}.");
    }
}
