using SkMcpAgent.Core.Events;
using SkMcpAgent.Hosting;
using SkMcpAgent.Rendering;
using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Rendering;

public sealed class EventRendererTests
{
    private static readonly Dictionary<string, object?> s_args = new() { ["latitude"] = 47.6, ["longitude"] = -122.3 };

    [Fact]
    public void Publish_ShowsCallStartAndFinishOnStderr()
    {
        var recording = new RecordingHost();
        var renderer = new EventRenderer(new Terminal(recording.Host, noColor: true, quiet: false, verbose: false));

        renderer.Publish(new FunctionCallStarted("c1", "weather_get_forecast", "weather", s_args));
        renderer.Publish(new FunctionCallFinished("c1", "weather_get_forecast", "weather", s_args, TimeSpan.FromMilliseconds(1234), true, "Sunny"));

        Assert.Equal(string.Empty, recording.Output);
        Assert.Contains("→ weather_get_forecast(latitude=47.6, longitude=-122.3)", recording.Error, StringComparison.Ordinal);
        Assert.Contains("✓ weather_get_forecast 1.2 s: Sunny", recording.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", recording.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_SummarisesLongResults_AndPointsToLast()
    {
        var recording = new RecordingHost();
        var renderer = new EventRenderer(new Terminal(recording.Host, noColor: true, quiet: false, verbose: false)) { OffersLastCommand = true };

        renderer.Publish(new FunctionCallFinished("c1", "disk_list", "disk", s_args, TimeSpan.FromMilliseconds(5), false, new string('x', 500)));

        Assert.Contains("✗ disk_list 5 ms error: ", recording.Error, StringComparison.Ordinal);
        Assert.Contains("(500 chars; /last shows all)", recording.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 101), recording.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_SummarisesLongResults_WithoutReplCommands_InSingleShot()
    {
        var recording = new RecordingHost();
        var renderer = new EventRenderer(new Terminal(recording.Host, noColor: true, quiet: false, verbose: false));

        renderer.Publish(new FunctionCallFinished("c1", "disk_list", "disk", s_args, TimeSpan.FromMilliseconds(5), true, new string('x', 500)));

        Assert.Contains("(500 chars)", recording.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("/last", recording.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_OnATerminal_UpdatesOneLinePerCallInPlace()
    {
        var error = new StringWriter();
        var host = ColourTerminalHost(error);
        var renderer = new EventRenderer(new Terminal(host, noColor: false, quiet: false, verbose: false)) { ShowFunctionCalls = false };

        renderer.Publish(new FunctionCallProgressed("c1", "disk_scan", 1, 4, null));
        renderer.Publish(new FunctionCallProgressed("c1", "disk_scan", 2, 4, null));
        renderer.Publish(new FunctionCallProgressed("c1", "disk_scan", 3, 4, null));

        var text = error.ToString();
        Assert.Equal(2, text.Split("\u001b[1A\r\u001b[2K").Length - 1);
        Assert.Contains("75%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_OfAnotherCallOrAfterOtherOutput_StartsANewLine()
    {
        var error = new StringWriter();
        var host = ColourTerminalHost(error);
        var renderer = new EventRenderer(new Terminal(host, noColor: false, quiet: false, verbose: false));

        renderer.Publish(new FunctionCallProgressed("c1", "disk_scan", 1, 4, null));
        renderer.Publish(new FunctionCallProgressed("c2", "disk_other", 1, 4, null));
        renderer.Publish(new FunctionCallFinished("c2", "disk_other", "disk", s_args, TimeSpan.FromMilliseconds(5), true, "done"));
        renderer.Publish(new FunctionCallProgressed("c1", "disk_scan", 2, 4, null));

        Assert.DoesNotContain("\u001b[1A", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_WithoutATerminal_IsOnePlainLinePerUpdate()
    {
        var recording = new RecordingHost();
        var renderer = new EventRenderer(new Terminal(recording.Host, noColor: true, quiet: false, verbose: false)) { ShowFunctionCalls = false };

        renderer.Publish(new FunctionCallProgressed("c1", "disk_scan", 1, 4, "scanning"));
        renderer.Publish(new FunctionCallProgressed("c1", "disk_scan", 2, 4, "scanning"));

        Assert.Equal("  disk_scan 25% scanning\n  disk_scan 50% scanning\n", recording.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Publish_ShowsAServerWarning_WhenOtherServerEventsAreHidden()
    {
        var recording = new RecordingHost();
        var renderer = new EventRenderer(new Terminal(recording.Host, noColor: true, quiet: false, verbose: false)) { ShowServerEvents = false };

        renderer.Publish(new ServerWarning("sloppy", "tool 'string_schema' was skipped: it has an inputSchema that is not a JSON object (string)"));

        Assert.Contains("! sloppy: tool 'string_schema' was skipped: it has an inputSchema that is not a JSON object (string)", recording.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_ShowsNothing_WhenQuiet()
    {
        var recording = new RecordingHost();
        var renderer = new EventRenderer(new Terminal(recording.Host, noColor: true, quiet: true, verbose: false));

        renderer.Publish(new FunctionCallStarted("c1", "weather_get_forecast", "weather", s_args));
        renderer.Publish(new ServerStateChanged("weather", ServerState.Failed, "exited"));

        Assert.Equal(string.Empty, recording.Error);
    }

    [Fact]
    public void Publish_ShowsServersJoiningAndFailing()
    {
        var recording = new RecordingHost();
        var renderer = new EventRenderer(new Terminal(recording.Host, noColor: true, quiet: false, verbose: false))
        {
            FunctionCount = name => name == "disk" ? 3 : null,
        };

        renderer.Publish(new ServerStateChanged("disk", ServerState.Ready, null));
        renderer.Publish(new ServerStateChanged("weather", ServerState.Failed, "command not found: nope"));
        renderer.Publish(new ServerFunctionsChanged("disk", 4));

        Assert.Contains("● disk ready (3 functions)", recording.Error, StringComparison.Ordinal);
        Assert.Contains("✗ weather failed: command not found: nope", recording.Error, StringComparison.Ordinal);
        Assert.Contains("● disk: now 4 functions", recording.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "copy [██████████░░░░░░░░░░] 50% half way")]
    [InlineData(false, "copy 50% half way")]
    public void ProgressLine_IsBarOnTerminal_AndPercentOtherwise(bool bar, string expected)
    {
        var line = EventRenderer.ProgressLine(new FunctionCallProgressed("c1", "copy", 5, 10, "half way"), bar);

        Assert.Equal(expected, line);
    }

    [Fact]
    public void Terminal_WritesAnsi_OnlyWhenColourIsAllowed()
    {
        var recording = new RecordingHost();
        var host = new SkMcpAgent.Hosting.ConsoleHost
        {
            Input = recording.Host.Input,
            Output = recording.OutputWriter,
            Error = recording.ErrorWriter,
            GetEnvironmentVariable = name => name == "NO_COLOR" ? "1" : null,
        };

        var terminal = new Terminal(host, noColor: false, quiet: false, verbose: false);
        terminal.Error("boom");

        Assert.False(terminal.ErrorColor);
        Assert.Equal("error: boom" + Environment.NewLine, recording.Error);
    }

    /// <summary>A host whose stderr is a colour terminal (so progress may be rewritten in place), recorded in <paramref name="error"/>.</summary>
    private static ConsoleHost ColourTerminalHost(StringWriter error) => new()
    {
        Input = new StringReader(string.Empty),
        Output = new StringWriter(),
        Error = error,
        IsErrorRedirected = false,
        GetEnvironmentVariable = static name => name == "TERM" ? "xterm-256color" : null,
        CurrentDirectory = Environment.CurrentDirectory,
    };
}
