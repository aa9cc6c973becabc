using System.Diagnostics;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// How long the agent takes from launch to a usable REPL prompt, with the shipped servers and with a server that
/// never answers (the prompt must not wait for it), and how long <c>tools</c> takes with the shipped servers.
/// Needs the agent built first: dotnet build src/SkMcpAgent -c Release (Debug is used when Release is missing).
/// </summary>
public sealed class ConsoleStartupBenchmark : IBenchmark
{
    private const string Prompt = "\n> ";

    public string Name => "console-startup";

    public string Description => "launch to REPL prompt (shipped servers; plus a hanging server), and `tools` to exit";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 10;
        var agent = AgentProcess.FindAgent();
        Console.WriteLine($"agent: {agent}; {runs} runs each");

        var slowFolder = Directory.CreateTempSubdirectory("skmcpagent-bench-");
        try
        {
            File.WriteAllText(Path.Combine(slowFolder.FullName, "mcp.json"), $$"""
                { "mcpServers": {
                    "disk": { "command": "{{RepoPaths.ServerExecutable("DiskServer")}}" },
                    "hanging": { "command": "sleep", "args": ["60"], "timeout": 30 }
                } }
                """);

            var prompt = new Samples("REPL prompt, shipped mcp.json");
            var promptWithHanging = new Samples("REPL prompt, disk + hanging server");
            var tools = new Samples("tools (shipped servers) to exit");
            await MeasureAsync(agent, RepoPaths.Root, ["--interactive"], waitForPrompt: true, 1, new Samples("warm-up"), cancellationToken);
            await MeasureAsync(agent, RepoPaths.Root, ["--interactive"], waitForPrompt: true, runs, prompt, cancellationToken);
            await MeasureAsync(agent, slowFolder.FullName, ["--interactive"], waitForPrompt: true, runs, promptWithHanging, cancellationToken);
            await MeasureAsync(agent, RepoPaths.Root, ["tools"], waitForPrompt: false, runs, tools, cancellationToken);
            Console.WriteLine(prompt);
            Console.WriteLine(promptWithHanging);
            Console.WriteLine(tools);
        }
        finally
        {
            slowFolder.Delete(recursive: true);
        }
    }

    private static async Task MeasureAsync(string agent, string directory, string[] args, bool waitForPrompt, int runs, Samples samples, CancellationToken cancellationToken)
    {
        for (var i = 0; i < runs; i++)
        {
            var info = AgentProcess.StartInfo(agent, directory, args);
            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            _ = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                if (waitForPrompt)
                {
                    await AgentProcess.WaitForTextAsync(process.StandardOutput, Prompt, cancellationToken);
                    samples.Add(stopwatch.Elapsed);
                    process.StandardInput.Close();
                }
                else
                {
                    process.StandardInput.Close();
                    await process.StandardOutput.ReadToEndAsync(cancellationToken);
                    await process.WaitForExitAsync(cancellationToken);
                    samples.Add(stopwatch.Elapsed);
                }

                await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
    }
}
