using DiskServer.Formatting;

namespace DiskServer.Tests.Unit;

public sealed class DisplayPathTests
{
    [Theory]
    [InlineData("/home/ana/Vidéos 2024", "/home/ana/Vidéos 2024")]
    [InlineData("/tmp/a\nb", "\"/tmp/a\\nb\"")]
    [InlineData("/tmp/\u001b[2J\"q\"\\", "\"/tmp/\\x1b[2J\\\"q\\\"\\\\\"")]
    [InlineData("/tmp/\u009b31m\t\r", "\"/tmp/\\x9b31m\\t\\r\"")]
    [InlineData("/tmp/\u202egnp.exe\u2028", "\"/tmp/\\u202egnp.exe\\u2028\"")]
    public void Quote_EscapesOnlyPathsThatCouldForgeOrDriveTheTerminal(string path, string expected) =>
        Assert.Equal(expected, DisplayPath.Quote(path));

    [Fact]
    public void Quoted_UsesSingleQuotesForOrdinaryPaths_AndTheEscapedFormOtherwise()
    {
        Assert.Equal("'/var/log'", DisplayPath.Quoted("/var/log"));
        Assert.Equal("\"/var/lo\\ng\"", DisplayPath.Quoted("/var/lo\ng"));
    }

    [Fact]
    public void Shorten_CutsTheMiddleOfLongPaths_AndSaysHowLongTheyWere()
    {
        var path = "/" + string.Join('/', Enumerable.Repeat("d", 3000));

        var shown = DisplayPath.Shorten(path, 41);

        Assert.Equal("/d/d/d/d/d/d/d/d/d/d…/d/d/d/d/d/d/d/d/d/d (shortened, 6,000 characters)", shown);
        Assert.Equal("\"/a\\n/d/d/d/d/d/d/d/d/…/d/d/d/d/d/d/d/d/d/d\" (shortened, 6,003 characters)", DisplayPath.Shorten("/a\n" + path, 41));
        Assert.Equal("/a/b", DisplayPath.Shorten("/a/b", 41));
    }
}
