using SkMcpAgent.Core.Providers;

namespace SkMcpAgent.Core.Tests.Providers;

public sealed class EnvFileSyntaxErrorTests : IDisposable
{
    private const string Secret = "sk-Zq7Wx9Kp3Lm5Nb8Vc2Hd4Jf6";

    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-envsyntax-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> MalformedFiles => new()
    {
        $"OPENAI_API_KEY={Secret}\nOTHER=\"unterminated\n",
        $"OPENAI_API_KEY={Secret}\nOTHER=\"bad escape \\\"\n",
        $"OPENAI_API_KEY={Secret}\n!!stray characters\n",
        $"OPENAI_API_KEY={Secret}\n=\n",
        $"OPENAI_API_KEY={Secret}\nOTHER='unterminated single\n",
        $"OPENAI_API_KEY=\"{Secret}\nNEXT=1\n",
        $"OPENAI_API_KEY={Secret} \"stray\"quote\n",
        $"export OPENAI_API_KEY={Secret}\n   \"\n",
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Load_NeverQuotesAnyPartOfASecret_WhenAFollowingLineIsMalformed(string content)
    {
        File.WriteAllText(Path.Combine(_folder, ".env"), content);

        var error = Assert.Throws<AgentConfigurationException>(() => EnvFile.Load(null, _folder));

        // --verbose prints the whole exception, inner ones included.
        var shown = string.Join("\n", Messages(error));
        for (var i = 0; i + 4 <= Secret.Length; i++)
        {
            Assert.DoesNotContain(Secret.Substring(i, 4), shown, StringComparison.Ordinal);
        }

        Assert.Contains(Path.Combine(_folder, ".env"), shown, StringComparison.Ordinal);
        Assert.Matches(@"line \d+, column \d+", shown);
    }

    [Fact]
    public void Load_NamesFileLineAndColumn_WhenLineAfterKeyHasUnterminatedQuote()
    {
        File.WriteAllText(Path.Combine(_folder, ".env"), $"OPENAI_API_KEY={Secret}\nOTHER=\"unterminated\n");

        var error = Assert.Throws<AgentConfigurationException>(() => EnvFile.Load(null, _folder));

        Assert.StartsWith($"Env file {Path.Combine(_folder, ".env")} is not valid: syntax error at line ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq7W", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Messages(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }
}
