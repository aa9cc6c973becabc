using DiskServer.Tests.Support;

namespace DiskServer.Tests.InMemory;

/// <summary>Real trees and paths a hostile or careless caller can bring: too deep, NUL bytes, forged report lines.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task GetLargestDirectories_AnswersPartiallyWithANote_WhenATreeIs3000LevelsDeep()
    {
        await using var deep = await DeepTree.CreateAsync(3000);
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = deep.Root, ["top"] = 3 });

        var structured = result.Structured();
        Assert.True(structured.GetProperty("partial").GetBoolean());
        Assert.Equal(1, structured.GetProperty("tooDeepCount").GetInt32());
        var below = structured.GetProperty("tooDeepBelow").GetString()!;
        Assert.StartsWith(Path.Combine(deep.Root, "d", "d", "d"), below, StringComparison.Ordinal);
        Assert.True(below.Length > 4000, $"the note names the deepest directory read, exactly: {below.Length} characters");
        Assert.StartsWith("partial: 1 directory nested too deep to read (path longer than the system's limit of 4,095 bytes)", structured.GetProperty("partialReason").GetString(), StringComparison.Ordinal);
        Assert.True(structured.GetProperty("totalBytes").GetInt64() >= DeepTree.TopFileBytes);
        Assert.True(structured.GetProperty("directoryCount").GetInt64() > 1900, "the scan went on down to the limit");
        var text = result.Text();
        Assert.Contains("Partial: 1 directory nested too deep to read (path longer than the system's limit of 4,095 bytes), first below ", text, StringComparison.Ordinal);
        Assert.Contains("characters); sizes are lower bounds.", text, StringComparison.Ordinal);
        Assert.True(text.Length < 2000, $"long paths are shortened in the text: {text.Length} characters");
    }

    [Theory]
    [InlineData("get_largest_directories")]
    [InlineData("get_disk_usage")]
    public async Task Tools_NameTheNulCharacter_WhenAPathHoldsOne(string tool)
    {
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync(tool, new() { ["path"] = "/tmp/a\0b" });

        Assert.EndsWith(
            "'path' contains a NUL character (\\0) at position 6: no file or directory name can contain one. Pass the path without it.",
            result.ErrorText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLargestDirectories_EscapesNewlinesAndTerminalCodesInNames_AndKeepsThemExactInStructuredContent()
    {
        const string forged = "evil\n  1.  999.00 GB  etc";
        const string title = "title\u001b]0;pwned\u0007";
        var forgedPath = _tree.File(forged + "/a.bin", 2_000);
        var titlePath = _tree.File(title + "/b.bin", 1_000);
        await using var server = await InMemoryDiskServer.StartAsync();

        var result = await server.CallAsync("get_largest_directories", new() { ["path"] = _tree.Root });

        var text = result.Text();
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        var lines = text.Split('\n');
        Assert.True(lines.Length == 3, text);
        Assert.Equal($"  1.    1.95 KB  \"{_tree.Root}/evil\\n  1.  999.00 GB  etc\"", lines[1]);
        Assert.Equal($"  2.     1000 B  \"{_tree.Root}/title\\x1b]0;pwned\\x07\"", lines[2]);
        Assert.Equal(
            [Path.GetDirectoryName(forgedPath), Path.GetDirectoryName(titlePath)],
            result.Structured().GetProperty("directories").EnumerateArray().Select(static d => d.GetProperty("path").GetString()));
    }
}
