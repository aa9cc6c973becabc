using System.Text.RegularExpressions;
using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Tests.Mcp;

public sealed partial class FunctionNamesTests
{
    [Theory]
    [InlineData("get_forecast", "get_forecast")]
    [InlineData("get-sum", "get_sum")]
    [InlineData("list.files", "list_files")]
    [InlineData("read file", "read_file")]
    [InlineData("météo", "m_t_o")]
    [InlineData("naïve/tool", "na_ve_tool")]
    [InlineData("天气", "__")]
    [InlineData("sun☀", "sun_")]
    [InlineData("", "_")]
    public void Sanitize_ReplacesEveryCharacterOutsideAsciiLettersDigitsAndUnderscore(string name, string expected)
    {
        var sanitized = FunctionNames.Sanitize(name, 64);

        Assert.Equal(expected, sanitized);
        Assert.Matches(ValidName(), sanitized);
    }

    [Fact]
    public void Sanitize_ReplacesEachUtf16UnitOfASurrogatePair_WhenNameHasAnEmoji()
    {
        var sanitized = FunctionNames.Sanitize("rocket🚀", 64);

        Assert.Equal("rocket__", sanitized);
        Assert.Matches(ValidName(), sanitized);
    }

    [Fact]
    public void Sanitize_KeepsLongNamesApart_WithinTheLimit()
    {
        var first = FunctionNames.Sanitize(new string('a', 70) + "_one", 40);
        var second = FunctionNames.Sanitize(new string('a', 70) + "_two", 40);

        Assert.Equal(40, first.Length);
        Assert.Equal(40, second.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(first, FunctionNames.Sanitize(new string('a', 70) + "_one", 40));
        Assert.StartsWith(new string('a', 31) + "_", first, StringComparison.Ordinal);
        Assert.Matches(ValidName(), first);
    }

    [Fact]
    public void Sanitize_HashesTheOriginalName_WhenLongNamesOnlyDifferInCharactersThatAreReplaced()
    {
        var dotted = FunctionNames.Sanitize(new string('a', 70) + ".x", 64);
        var dashed = FunctionNames.Sanitize(new string('a', 70) + "-x", 64);

        Assert.NotEqual(dotted, dashed);
        Assert.Matches(ValidName(), dotted);
        Assert.Matches(ValidName(), dashed);
    }

    [Fact]
    public void Sanitize_RejectsALimitTooShortForTheHash()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FunctionNames.Sanitize("name", 9));
    }

    [Theory]
    [InlineData("weather", "weather")]
    [InlineData("my-server", "my_server")]
    [InlineData("my.server", "my_server")]
    [InlineData("My Server", "My_Server")]
    [InlineData("serveur-météo", "serveur_m_t_o")]
    public void ForPlugin_SanitisesTheServerName(string server, string expected) =>
        Assert.Equal(expected, FunctionNames.ForPlugin(server));

    [Fact]
    public void ForPlugin_CapsThePluginName_WhenServerNameIsLong()
    {
        var plugin = FunctionNames.ForPlugin("a-very-long-server-name-from-some-registry.example.com");

        Assert.Equal(FunctionNames.MaxPluginLength, plugin.Length);
        Assert.Matches(ValidName(), plugin);
    }

    [Theory]
    [InlineData("weather", "get-forecast", "weather_get_forecast")]
    [InlineData("my_server", "list.files", "my_server_list_files")]
    [InlineData("caf_", "naïve/tool", "caf__na_ve_tool")]
    [InlineData("everything", "get-sum", "everything_get_sum")]
    public void ForFunction_IsQualifiedAsTheModelSeesIt(string plugin, string tool, string expected) =>
        Assert.Equal(expected, FunctionNames.Qualified(plugin, FunctionNames.ForFunction(plugin, tool)));

    [Fact]
    public void ForFunction_KeepsTheQualifiedNameWithinSixtyFourCharacters_WhenBothNamesAreLong()
    {
        var plugin = FunctionNames.ForPlugin(new string('s', 100));
        var function = FunctionNames.ForFunction(plugin, new string('t', 200) + "-tool");
        var qualified = FunctionNames.Qualified(plugin, function);

        Assert.Equal(64 - 24 - 1, FunctionNames.MaxFunctionLength(plugin));
        Assert.Equal(FunctionNames.MaxFunctionLength(plugin), function.Length);
        Assert.Equal(FunctionNames.MaxQualifiedLength, qualified.Length);
        Assert.Matches(ValidName(), qualified);
    }

    [Fact]
    public void MakeUnique_AddsDeterministicSuffixes_WhenSanitisedNamesCollide()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string[] toolNames = ["a.b", "a_b", "a b"];

        var names = toolNames.Select(n => FunctionNames.MakeUnique(FunctionNames.Sanitize(n, 64), taken, 64)).ToList();

        Assert.Equal(["a_b", "a_b_2", "a_b_3"], names);
    }

    [Fact]
    public void MakeUnique_AddsASuffix_WhenNamesDifferOnlyInCaseAndTheSetIgnoresCase()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        var first = FunctionNames.MakeUnique("Weather", taken, 24);
        var second = FunctionNames.MakeUnique("weather", taken, 24);

        Assert.Equal(("Weather", "weather_2"), (first, second));
    }

    [Fact]
    public void MakeUnique_StaysWithinTheLimit_WhenSuffixed()
    {
        var name = new string('x', 24);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { name };

        var unique = FunctionNames.MakeUnique(name, taken, 24);

        Assert.Equal(new string('x', 22) + "_2", unique);
    }

    [GeneratedRegex("^[0-9A-Za-z_]+$")]
    private static partial Regex ValidName();
}
