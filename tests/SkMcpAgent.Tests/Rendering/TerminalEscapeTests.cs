using System.Text.Json;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Output;
using SkMcpAgent.Rendering;
using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Rendering;

/// <summary>Text from servers and models must not drive the terminal: no raw control characters reach it.</summary>
public sealed class TerminalEscapeTests
{
    /// <summary>Window title (OSC 0), clipboard write (OSC 52), clear screen (CSI 2J), a bare ESC, the C1 CSI.</summary>
    public static TheoryData<string> Hostile => new()
    {
        "\u001b]0;pwned\u0007",
        "\u001b]52;c;ZWNobyBoaQ==\u0007",
        "\u001b[2J\u001b[H",
        "bare \u001b here",
        "\u009b31m red",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Sanitize_LeavesNoControlCharacters_WhenTextHasEscapeSequences(string hostile)
    {
        var safe = TerminalText.Sanitize("before " + hostile + " after\nline two\tcol");

        AssertNoControls(safe);
        Assert.Contains("\nline two\tcol", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_ShowsControlsVisibly_AndKeepsCrLf()
    {
        Assert.Equal("\\x1b]0;t\\x07 \\x9b2J a\\x0db\r\n", TerminalText.Sanitize("\u001b]0;t\u0007 \u009b2J a\rb\r\n"));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Publish_ShowsToolResultSafely_WhenResultHasEscapeSequences(string hostile)
    {
        var recording = new RecordingHost();
        var renderer = new EventRenderer(new Terminal(recording.Host, noColor: true, quiet: false, verbose: false));

        renderer.Publish(new FunctionCallStarted("c1", "disk_x", "disk", new Dictionary<string, object?> { ["p"] = hostile }));
        renderer.Publish(new FunctionCallProgressed("c1", "disk_x", 1, 2, hostile));
        renderer.Publish(new FunctionCallFinished("c1", "disk_x", "disk", new Dictionary<string, object?>(), TimeSpan.FromMilliseconds(3), true, "ok " + hostile));

        AssertNoControls(recording.Error);
        Assert.Contains("✓ disk_x 3 ms: ok ", recording.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Publish_ShowsServerNameAndFailureReasonSafely_WhenTheyHaveEscapeSequences(string hostile)
    {
        var recording = new RecordingHost();
        var renderer = new EventRenderer(new Terminal(recording.Host, noColor: false, quiet: false, verbose: false));

        renderer.Publish(new ServerStateChanged("evil" + hostile, ServerState.Failed, "exited: " + hostile));
        renderer.Publish(new ServerStateChanged("evil" + hostile, ServerState.Restarting, hostile));

        AssertNoControls(recording.Error);
        Assert.Contains("failed: exited: ", recording.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void RenderFunction_ShowsDescriptionsSafely_WhenTheyHaveEscapeSequences(string hostile)
    {
        var recording = new RecordingHost();
        var terminal = new Terminal(recording.Host, noColor: true, quiet: false, verbose: false);
        var schema = JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            type = "object",
            properties = new { path = new { type = "string", description = "where " + hostile } },
        })).RootElement;
        var function = new DescribedFunction("disk_x", "Lists " + hostile, schema);

        ToolListRenderer.RenderFunction(terminal, function);

        AssertNoControls(recording.Output);
        Assert.Contains("  disk_x  Lists ", recording.Output, StringComparison.Ordinal);
        Assert.Contains("path (string, optional): where ", recording.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void WriteAnswer_ShowsAnswerSafely_WhenStdoutIsATerminal(string hostile)
    {
        var recording = new RecordingHost(outputIsTerminal: true);
        var terminal = new Terminal(recording.Host, noColor: false, quiet: false, verbose: false);

        terminal.WriteAnswer("The answer " + hostile + "\nsecond line\n");

        AssertNoControls(recording.Output);
        Assert.EndsWith("\nsecond line\n", recording.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void WriteAnswer_WritesExactText_WhenStdoutIsAFileOrPipe(string hostile)
    {
        var recording = new RecordingHost();
        var terminal = new Terminal(recording.Host, noColor: true, quiet: false, verbose: false);

        terminal.WriteAnswer("The answer " + hostile + "\n");

        Assert.Equal("The answer " + hostile + "\n", recording.Output);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void ErrorAndDiagnostics_AreSafe_WhenMessagesHaveEscapeSequences(string hostile)
    {
        var recording = new RecordingHost();
        var terminal = new Terminal(recording.Host, noColor: true, quiet: false, verbose: true);

        terminal.Error("server said " + hostile);
        terminal.WriteErrText("trace " + hostile);
        terminal.WriteOutMarkupLine("[bold]x[/] " + Spectre.Console.Markup.Escape(hostile));

        AssertNoControls(recording.Error);
        AssertNoControls(recording.Output);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void JsonOutput_EscapesControlCharacters_WhenValuesHaveEscapeSequences(string hostile)
    {
        var json = JsonOutput.Serialize(new JsonAnswer(hostile, null, null, [], null));

        AssertNoControls(json);
        Assert.Equal(hostile, JsonDocument.Parse(json).RootElement.GetProperty("answer").GetString());
    }

    internal static void AssertNoControls(string text)
    {
        var bad = text.Where(static c => c is (< ' ' and not '\n' and not '\r' and not '\t') or (>= '\u007f' and <= '\u009f')).ToList();
        Assert.True(bad.Count == 0, $"raw control characters {string.Join(" ", bad.Select(static c => ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))} in: {text}");
    }

    private sealed class DescribedFunction(string name, string description, JsonElement schema) : AIFunction
    {
        public override string Name => name;

        public override string Description => description;

        public override JsonElement JsonSchema => schema;

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
            ValueTask.FromResult<object?>(null);
    }
}
