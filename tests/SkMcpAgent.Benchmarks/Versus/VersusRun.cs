using System.Diagnostics;
using System.Text;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Benchmarks.Versus;

/// <summary>What one run of one contender on one job measured.</summary>
internal sealed record VersusSample(TimeSpan Wall, TimeSpan? FirstModelRequest, TimeSpan? AnswerToExit, long PeakTreeBytes, bool UsedTheTool, bool Answered);

/// <summary>Runs a contender once: launch, the answer on stdout, exit; the fake LLM says when it was asked and whether the tool ran.</summary>
internal static class VersusRun
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(120);

    /// <summary>Print every request the fake LLM saw in a run, and each contender's output (to see why a peer did not use the tool).</summary>
    public static bool Verbose { get; set; }

    public static async Task<VersusSample> RunAsync(Contender contender, VersusJob job, FakeLlmServer llm, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("skmcpagent-peers-");
        try
        {
            var info = contender.Prepare(job, folder.FullName, llm);
            var requestsBefore = llm.Requests.Count;
            var launchedAt = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"{contender.Name} did not start.");
            process.StandardInput.Close();
            TimeSpan? answeredAt = null;
            long peak;
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = new StringBuilder();
            try
            {
                await using (var sampler = new PeakMemorySampler(process.Id))
                {
                    var buffer = new char[512];
                    using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    limit.CancelAfter(s_limit);
                    int read;
                    while ((read = await process.StandardOutput.ReadAsync(buffer, limit.Token)) > 0)
                    {
                        stdout.Append(buffer, 0, read);
                        if (answeredAt is null && stdout.ToString().Contains(VersusJob.Answer, StringComparison.Ordinal))
                        {
                            answeredAt = clock.Elapsed;
                        }
                    }

                    await process.WaitForExitAsync(limit.Token);
                    peak = sampler.PeakBytes;
                }
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            var wall = clock.Elapsed;
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"  {contender.Name} exited with {process.ExitCode}: {Tail(stdout.ToString())} {Tail(await stderr)}");
            }

            var requests = llm.Requests.Skip(requestsBefore).ToList();
            if (Verbose)
            {
                foreach (var request in requests)
                {
                    var tools = request.ToolNames().ToList();
                    Console.Error.WriteLine($"  {contender.Name}: {request.Method} {request.Path} tools={tools.Count} [{string.Join(",", tools)}] results={request.ToolResults().Count}");
                }

                Console.Error.WriteLine($"  {contender.Name}: exit {process.ExitCode}; stdout: {Tail(stdout.ToString())}; stderr: {Tail(await stderr)}");
            }

            var asked = requests.FirstOrDefault(r => r.ToolNames().Any(job.IsTheTool))
                ?? requests.FirstOrDefault(static r => r.Body?.ToJsonString().Contains(VersusJob.Question, StringComparison.Ordinal) == true);
            return new VersusSample(
                wall,
                asked is null ? null : asked.ReceivedAt - launchedAt,
                answeredAt is { } at ? wall - at : null,
                peak,
                requests.Any(static r => r.ToolResults().Any(static t => IsJobCall(t.CallId))),
                answeredAt is not null);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The fake model, as a real one would act on the question: it calls the job's tool when it is offered and answers
    /// once its result came back. Claude Code asks before its MCP servers are ready and offers <c>WaitForMcpServers</c>
    /// meanwhile: the model calls that first. Codex offers nothing of the kind: the model answers without the tool.
    /// </summary>
    public static Func<FakeLlmRequest, FakeLlmReply> Responder(Func<VersusJob> currentJob)
    {
        var calls = 0;
        return request =>
        {
            var job = currentJob();
            var results = request.ToolResults();
            var offered = request.ToolNames().ToList();
            var id = Interlocked.Increment(ref calls);
            if (!results.Any(static r => IsJobCall(r.CallId)) && offered.FirstOrDefault(job.IsTheTool) is { } tool)
            {
                return FakeLlmReply.ToolCalls(null, new FakeLlmToolCall(tool, job.ArgumentsJson, $"toolu_job_{id}"));
            }

            return !results.Any(static r => IsJobCall(r.CallId)) && offered.Contains(ClaudeWaitTool) && !results.Any(static r => r.CallId.Contains("_wait_", StringComparison.Ordinal))
                ? FakeLlmReply.ToolCalls(null, new FakeLlmToolCall(ClaudeWaitTool, "{}", $"toolu_wait_{id}"))
                : FakeLlmReply.Text(VersusJob.Answer);
        };
    }

    private const string ClaudeWaitTool = "WaitForMcpServers";

    private static bool IsJobCall(string callId) => callId.Contains("_job_", StringComparison.Ordinal);

    private static string Tail(string text) => text.Length > 400 ? text[^400..] : text;
}
