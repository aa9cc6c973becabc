using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SkMcpAgent.Benchmarks.HttpLoad;

/// <summary>What one wrk run measured.</summary>
/// <param name="Failures">Answers that were not 2xx.</param>
/// <param name="SocketErrors">Connect, read, write errors and requests over wrk's 2 s timeout.</param>
public sealed record WrkResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Requests, long Failures, long SocketErrors);

/// <summary>
/// Drives POSTs of one JSON-RPC body with wrk (Debian's wrk, C and epoll: it is not the bottleneck a .NET client in the
/// measuring process would be). Each request names one of the given sessions in turn, so every connection uses all
/// of them; with no sessions, requests carry none (stateless servers).
/// </summary>
public static partial class WrkRun
{
    public const string WrkPath = "/usr/bin/wrk";

    public static async Task<WrkResult> RunAsync(
        string url, string body, IReadOnlyList<string> sessionIds, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (!File.Exists(WrkPath))
        {
            throw new InvalidOperationException($"{WrkPath} not found: install Debian's wrk (apt-get install -y wrk).");
        }

        var script = Path.Combine(Path.GetTempPath(), $"mcp-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(new Uri(url).PathAndQuery, body, sessionIds), cancellationToken);
        try
        {
            var info = new ProcessStartInfo(WrkPath) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, url })
            {
                info.ArgumentList.Add(arg);
            }

            using var wrk = Process.Start(info)!;
            var output = await wrk.StandardOutput.ReadToEndAsync(cancellationToken);
            await wrk.WaitForExitAsync(cancellationToken);
            return Parse(output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string Script(string path, string body, IReadOnlyList<string> sessionIds)
    {
        var ids = string.Join(", ", sessionIds.Select(id => $"\"{id}\""));
        var script = new StringBuilder();
        script.Append("local ids = {").Append(ids).Append("}\n");
        script.Append("local body = [==[").Append(body).Append("]==]\n");
        script.Append("local path = \"").Append(path).Append("\"\n");
        script.Append("""
            local n = 0
            request = function()
              n = n + 1
              local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json, text/event-stream",
                                ["MCP-Protocol-Version"] = "2025-06-18" }
              if #ids > 0 then headers["Mcp-Session-Id"] = ids[(n % #ids) + 1] end
              return wrk.format("POST", path, headers, body)
            end
            """);
        return script.ToString();
    }

    private static WrkResult Parse(string output)
    {
        var perSecond = Number(RequestsPerSecond(), output);
        var requests = (long)Number(RequestsDone(), output);
        var failures = (long)(TryNumber(NonSuccess(), output) ?? 0);
        var socketErrors = (long)(TryNumber(SocketErrors(), output) ?? 0);
        return new WrkResult(perSecond, Latency(output, "50%"), Latency(output, "99%"), requests, failures, socketErrors);
    }

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new InvalidOperationException($"wrk printed no {percentile} latency:\n{output}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static double Number(Regex pattern, string output) =>
        TryNumber(pattern, output) ?? throw new InvalidOperationException($"Unexpected wrk output:\n{output}");

    private static double? TryNumber(Regex pattern, string output) =>
        pattern.Match(output) is { Success: true } m ? m.Groups.Cast<Group>().Skip(1).Where(g => g.Success).Sum(g => double.Parse(g.Value, CultureInfo.InvariantCulture)) : null;

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsDone();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
