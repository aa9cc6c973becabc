using SkMcpAgent.Core.Providers;

namespace SkMcpAgent.Core.Tests.Providers;

public sealed class EnvFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-env-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_ReadsDotEnvFromCurrentDirectory_WhenNoPathIsGiven()
    {
        File.WriteAllText(Path.Combine(_folder, ".env"), "# comment\nSKMCP_TEST_ONE=one\nSKMCP_TEST_QUOTED=\"two words\"\n");

        var result = EnvFile.Load(null, _folder);

        Assert.Equal(Path.Combine(_folder, ".env"), result.FilePath);
        Assert.Equal("one", result.Variables["SKMCP_TEST_ONE"]);
        Assert.Equal("two words", result.Variables["SKMCP_TEST_QUOTED"]);
    }

    [Fact]
    public void Load_ReturnsProcessEnvironmentOnly_WhenThereIsNoDotEnv()
    {
        var result = EnvFile.Load(null, _folder);

        Assert.Null(result.FilePath);
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), result.Variables["PATH"]);
    }

    [Fact]
    public void Load_ReadsNamedFileRelativeToCurrentDirectory_WhenPathIsGiven()
    {
        File.WriteAllText(Path.Combine(_folder, ".env.claude"), "SKMCP_TEST_PROVIDER=claude\n");

        var result = EnvFile.Load(".env.claude", _folder);

        Assert.Equal(Path.Combine(_folder, ".env.claude"), result.FilePath);
        Assert.Equal("claude", result.Variables["SKMCP_TEST_PROVIDER"]);
    }

    [Fact]
    public void Load_NamesFile_WhenGivenFileDoesNotExist()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => EnvFile.Load("nope.env", _folder));

        Assert.Equal($"Env file not found: {Path.Combine(_folder, "nope.env")} (given with --env-file).", error.Message);
    }

    [Fact]
    public void Load_LetsProcessEnvironmentWin_AndLeavesItUntouched()
    {
        // PATH is always set in the process; a file value for it must not override it, and new names must not leak into it.
        File.WriteAllText(Path.Combine(_folder, ".env"), "PATH=/from/file\nSKMCP_TEST_ONLY_IN_FILE=x\n");

        var result = EnvFile.Load(null, _folder);

        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), result.Variables["PATH"]);
        Assert.Equal("x", result.Variables["SKMCP_TEST_ONLY_IN_FILE"]);
        Assert.Null(Environment.GetEnvironmentVariable("SKMCP_TEST_ONLY_IN_FILE"));
    }
}
