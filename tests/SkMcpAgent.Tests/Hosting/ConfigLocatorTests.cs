using SkMcpAgent.Hosting;

namespace SkMcpAgent.Tests.Hosting;

public sealed class ConfigLocatorTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("skmcpagent-locator-");

    [Fact]
    public void Resolve_PrefersExplicitPath_RelativeToCurrentDirectory()
    {
        var path = ConfigLocator.Resolve("conf/my.json", _root.FullName, _root.FullName);

        Assert.Equal(Path.Combine(_root.FullName, "conf", "my.json"), path);
    }

    [Fact]
    public void Resolve_UsesCurrentDirectoryFile_WhenPresent()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "mcp.json"), "{}");

        Assert.Equal(Path.Combine(_root.FullName, "mcp.json"), ConfigLocator.Resolve(null, _root.FullName, "/"));
    }

    [Fact]
    public void Resolve_FallsBackToRepositoryRoot_FoundFromExecutableFolder()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_root.FullName, "repo"));
        File.WriteAllText(Path.Combine(repo.FullName, "SkMcpAgent.sln"), string.Empty);
        File.WriteAllText(Path.Combine(repo.FullName, "mcp.json"), "{}");
        var bin = Directory.CreateDirectory(Path.Combine(repo.FullName, "src", "SkMcpAgent", "bin", "Debug", "net10.0"));
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root.FullName, "elsewhere"));

        var path = ConfigLocator.Resolve(null, elsewhere.FullName, bin.FullName);

        Assert.Equal(Path.Combine(repo.FullName, "mcp.json"), path);
    }

    [Fact]
    public void Resolve_IsNull_WhenNothingIsFound()
    {
        Assert.Null(ConfigLocator.Resolve(null, _root.FullName, _root.FullName));
    }

    [Fact]
    public void Resolve_LooksForClaudeCodeThenPlainThenVsCodeFiles()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, ".vscode"));
        File.WriteAllText(Path.Combine(_root.FullName, ".vscode", "mcp.json"), "{}");
        Assert.Equal(Path.Combine(_root.FullName, ".vscode", "mcp.json"), ConfigLocator.Resolve(null, _root.FullName, "/"));

        File.WriteAllText(Path.Combine(_root.FullName, "mcp.json"), "{}");
        Assert.Equal(Path.Combine(_root.FullName, "mcp.json"), ConfigLocator.Resolve(null, _root.FullName, "/"));

        File.WriteAllText(Path.Combine(_root.FullName, ".mcp.json"), "{}");
        Assert.Equal(Path.Combine(_root.FullName, ".mcp.json"), ConfigLocator.Resolve(null, _root.FullName, "/"));
    }

    [Fact]
    public void Resolve_UsesTheUserFile_WhenTheProjectHasNone()
    {
        var user = Path.Combine(_root.FullName, "home", ".config", "skmcpagent", "mcp.json");
        Directory.CreateDirectory(Path.GetDirectoryName(user)!);
        File.WriteAllText(user, "{}");
        var project = Directory.CreateDirectory(Path.Combine(_root.FullName, "project"));

        Assert.Equal(user, ConfigLocator.Resolve(null, project.FullName, "/", user));
        Assert.Equal(user, ConfigLocator.UserConfigFile(name => name == "HOME" ? Path.Combine(_root.FullName, "home") : null));
    }

    [Theory]
    [InlineData("{\"mcpServers\":{}}", true)]
    [InlineData("  { }", true)]
    [InlineData("mcp.json", false)]
    [InlineData(null, false)]
    public void IsInlineJson_TellsJsonFromAPath(string? value, bool expected) =>
        Assert.Equal(expected, ConfigLocator.IsInlineJson(value));

    public void Dispose() => _root.Delete(recursive: true);
}
