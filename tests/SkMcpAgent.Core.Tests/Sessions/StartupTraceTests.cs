using SkMcpAgent.Core.Sessions;

namespace SkMcpAgent.Core.Tests.Sessions;

public sealed class StartupTraceTests
{
    [Theory]
    [InlineData("SkMcpAgent.Core, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null", "SkMcpAgent.Core")]
    [InlineData("Spectre.Console.resources, Version=0.50.0.0, Culture=de, PublicKeyToken=null", "Spectre.Console.resources")]
    [InlineData("NoVersion", "NoVersion")]
    [InlineData(null, "")]
    public void SimpleName_IsTheNameBeforeTheFirstComma(string? displayName, string expected)
    {
        Assert.Equal(expected, StartupTrace.SimpleName(displayName));
    }

    [Fact]
    public void SimpleName_MatchesGetName_ForEveryLoadedAssembly()
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(static a => !a.IsDynamic))
        {
            Assert.Equal(assembly.GetName().Name, StartupTrace.SimpleName(assembly.FullName));
        }
    }
}
