using System.Globalization;
using System.Reflection;
using SkMcpAgent.Core.Sessions;

namespace SkMcpAgent.Core.Tests.Sessions;

public sealed class StartupTraceTests
{
    [Fact]
    public void SimpleName_IsTheAssemblysName()
    {
        Assert.Equal("SkMcpAgent.Core", StartupTrace.SimpleName(typeof(StartupTrace).Assembly));
    }

    [Fact]
    public void SimpleName_IsNull_ForASatelliteWhoseCultureThisProcessCannotUse()
    {
        Assert.Null(StartupTrace.SimpleName(new SatelliteUnderInvariantGlobalization()));
    }

    /// <summary>What the NativeAOT executable's satellite assemblies do under invariant globalization.</summary>
    private sealed class SatelliteUnderInvariantGlobalization : Assembly
    {
        public override AssemblyName GetName() => throw new CultureNotFoundException("name", "cs", "cs is an invalid culture identifier.");
    }
}
