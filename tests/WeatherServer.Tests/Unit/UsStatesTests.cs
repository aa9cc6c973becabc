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
    public void TryNormalize_GivesTheUpperCaseCode_ForStatesAndTerritories(string input, string expected)
    {
        Assert.True(UsStates.TryNormalize(input, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("USA")]
    [InlineData(null)]
    public void TryNormalize_Refuses_WhenNotAUsCode(string? input)
    {
        Assert.False(UsStates.TryNormalize(input, out _));
        Assert.Contains("is not a US state or territory code", UsStates.Unknown(input), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_CoverFiftyStatesDcAndFiveTerritories() => Assert.Equal(56, UsStates.Names.Count);
}
