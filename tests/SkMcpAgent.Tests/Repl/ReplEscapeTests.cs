using System.Text.Json;
using SkMcpAgent.Tests.Rendering;
using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Repl;

public sealed class ReplEscapeTests
{
    [Fact]
    public async Task Repl_ShowsServerNameAndFailureReasonSafely_WhenConfigHasEscapeSequences()
    {
        using var harness = new ReplHarness(withDiskServer: false) { OutputIsTerminal = true };
        var name = "evil\u001b]0;pwned\u0007\u009b2J";
        var command = "no-such-command-\u001b]52;c;ZWNobw==\u0007\u001b[2J";
        File.WriteAllText(harness.ConfigPath, JsonSerializer.Serialize(new { mcpServers = new Dictionary<string, object> { [name] = new { command } } }));

        var exitCode = await harness.RunAsync("hi\n/tools\n/servers\n/exit\n", "--no-color");

        Assert.Equal(0, exitCode);
        Assert.Contains("evil\\x1b]0;pwned\\x07\\x9b2J", harness.Output, StringComparison.Ordinal);
        Assert.Contains("failed: ", harness.Output, StringComparison.Ordinal);
        TerminalEscapeTests.AssertNoControls(harness.Output);
        TerminalEscapeTests.AssertNoControls(harness.Error);
    }
}
