using SkMcpAgent.EndToEnd.Tests.Support;
using SkMcpAgent.Testing;

namespace SkMcpAgent.EndToEnd.Tests;

/// <summary>
/// The NativeAOT executables are built for memory as well as speed (build/FastStart.targets, issue 13): their data is
/// mapped from the file, not expanded at start ("dehydrated" data is rehydrated into ~28 MB of the agent's private
/// memory on every launch), and position-dependent, so that data needs no relocation either.
/// </summary>
public sealed class ExecutableFormTests
{
    public static TheoryData<string> Executables() => ["agent", "DiskServer", "WeatherServer"];

    [Theory]
    [MemberData(nameof(Executables))]
    public void NativeExecutable_IsPositionDependent_WithItsDataMappedFromTheFile(string name)
    {
        var path = name == "agent" ? RepoPaths.AgentExecutable : RepoPaths.ServerExecutable(name);
        var image = ElfImage.Read(path);

        // A ReadyToRun build (no C toolchain, or Windows) has an apphost here: nothing of NativeAOT's to check.
        if (image is null || !image.Sections.Contains("__managedcode"))
        {
            return;
        }

        Assert.True(image.IsPositionDependent, $"{path} is position-independent (ELF type {image.Type})");
        Assert.DoesNotContain(".hydrated", image.Sections);
    }
}
