using System.Diagnostics;
using System.Text.Json;

namespace SkMcpAgent.Benchmarks.ColdStart;

/// <summary>
/// Measures one cold start of a stdio MCP server with plain JSON-RPC lines, so no client library's own start-up
/// is counted and every server meets the same client: spawn, initialize, notifications/initialized, tools/list,
/// stop the clock when the tools/list response arrives.
/// </summary>
public static class RawStdioProbe
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"cold-start-probe","version":"1.0"}}}""";

    private const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";

    private const string ListTools = """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""";

    /// <summary>Time from spawn to the tools/list answer, and how many tools it listed.</summary>
    public static async Task<(TimeSpan Elapsed, int ToolCount)> MeasureAsync(ColdStartTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var startInfo = new ProcessStartInfo(target.Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in target.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {target.Command}.");
        try
        {
            // Stderr is drained so a chatty server never blocks on a full pipe; its content is not needed.
            process.ErrorDataReceived += static (_, _) => { };
            process.BeginErrorReadLine();

            var input = process.StandardInput;
            await input.WriteLineAsync(Initialize.AsMemory(), cancellationToken);
            await input.FlushAsync(cancellationToken);
            await ReadResponseAsync(process.StandardOutput, 1, target, cancellationToken);

            await input.WriteLineAsync(Initialized.AsMemory(), cancellationToken);
            await input.WriteLineAsync(ListTools.AsMemory(), cancellationToken);
            await input.FlushAsync(cancellationToken);
            var tools = await ReadResponseAsync(process.StandardOutput, 2, target, cancellationToken);
            var elapsed = clock.Elapsed;
            return (elapsed, tools.GetProperty("result").GetProperty("tools").GetArrayLength());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task<JsonElement> ReadResponseAsync(StreamReader output, int id, ColdStartTarget target, CancellationToken cancellationToken)
    {
        while (await output.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0 || line[0] != '{')
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("id", out var responseId) && responseId.ValueKind == JsonValueKind.Number && responseId.GetInt32() == id)
            {
                return root.TryGetProperty("error", out var error)
                    ? throw new InvalidOperationException($"{target.Label} answered request {id} with an error: {error}")
                    : root.Clone();
            }
        }

        throw new InvalidOperationException($"{target.Label} closed its stdout before answering request {id}.");
    }
}
