using SkMcpAgent.Hosting;
using SkMcpAgent.Session;
using SkMcpAgent.Testing;
using SkMcpAgent.Tests.Support;

namespace SkMcpAgent.Tests.Repl;

public sealed class ReplInterruptTests
{
    [Fact]
    public async Task CtrlC_AtThePrompt_EndsTheSession()
    {
        using var harness = new ReplHarness(withDiskServer: false);
        using var input = new BlockingReader();
        var output = new PromptWatchingWriter();
        var host = new ConsoleHost
        {
            Input = input,
            Output = output,
            Error = new StringWriter(),
            IsInputRedirected = true,
            IsOutputRedirected = true,
            IsErrorRedirected = true,
            CurrentDirectory = harness.Folder,
        };
        var setup = new SessionSetup { ChatClient = harness.Model, BaseDirectory = harness.Folder };

        var run = AgentApp.RunAsync(["--interactive", "--config", harness.ConfigPath], host, setup);
        await output.PromptShown.Task.WaitAsync(TestTimeouts.Default);
        var claimed = host.Interrupts.Raise();
        var exitCode = await run.WaitAsync(TestTimeouts.Default);

        Assert.True(claimed);
        Assert.Equal(0, exitCode);
        Assert.Empty(harness.Model.Requests);
    }

    /// <summary>A stdin that never delivers a line, like a user who has not typed yet.</summary>
    private sealed class BlockingReader : TextReader
    {
        private readonly ManualResetEventSlim _released = new();

        public override string? ReadLine()
        {
            _released.Wait();
            return null;
        }

        protected override void Dispose(bool disposing)
        {
            _released.Set();
            base.Dispose(disposing);
        }
    }

    private sealed class PromptWatchingWriter : StringWriter
    {
        public TaskCompletionSource PromptShown { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Write(string? value)
        {
            base.Write(value);
            if (ToString().EndsWith("\n> ", StringComparison.Ordinal))
            {
                PromptShown.TrySetResult();
            }
        }

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.ToString());
            return Task.CompletedTask;
        }
    }
}
