using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Tests.Mcp;

public sealed class StderrTailTests
{
    [Fact]
    public void Add_KeepsTheTailBoundedInCharacters_WhenLinesAreMegabytesLong()
    {
        var tail = new StderrTail();

        for (var i = 0; i < 20; i++)
        {
            tail.Add($"line {i}: " + new string('y', 1024 * 1024));
        }

        Assert.InRange(tail.RetainedLength, 1, StderrTail.DefaultMaxLength);
        Assert.InRange(tail.Text().Length, 1, StderrTail.DefaultMaxLength + (20 * Environment.NewLine.Length));
        Assert.EndsWith($"… [cut, {"line 19: ".Length + (1024 * 1024) - StderrTail.DefaultMaxLineLength} more characters]", tail.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Add_KeepsTheLastLines_WhenThereAreMoreThanItsCapacity()
    {
        var tail = new StderrTail(capacity: 3);

        foreach (var line in new[] { "a", "b", "c", "d" })
        {
            tail.Add(line);
        }

        Assert.Equal(string.Join(Environment.NewLine, "b", "c", "d"), tail.Text());
    }

    [Fact]
    public void Cut_DoesNotSplitASurrogatePair_WhenTheLimitFallsInsideOne()
    {
        var line = "ab" + char.ConvertFromUtf32(0x1F600) + "cd";

        var cut = StderrTail.Cut(line, 3);

        Assert.Equal("ab… [cut, 4 more characters]", cut);
    }
}
