using ModelContextProtocol;
using WeatherServer.Tools;

namespace WeatherServer.Tests.Unit;

public sealed class UsStatesTests
{
    [Theory]
    [InlineData("ca", "CA")]
    [InlineData(" tx ", "TX")]
    [InlineData("PR", "PR")]
    [InlineData("dc", "DC")]
    [InlineData("GU", "GU")]
    public void Normalize_ReturnsTheUpperCaseCode_ForStatesAndTerritories(string input, string expected) =>
        Assert.Equal(expected, UsStates.Normalize(input));

    [Theory]
    [InlineData("ZZ")]
    [InlineData("USA")]
    [InlineData(null)]
    public void Normalize_Throws_WhenNotAUsCode(string? input)
    {
        var error = Assert.Throws<McpException>(() => UsStates.Normalize(input));

        Assert.Contains("is not a US state or territory code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_CoverFiftyStatesDcAndFiveTerritories() => Assert.Equal(56, UsStates.Names.Count);
}
