using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Serialization;

namespace SkMcpAgent.Output;

/// <summary>
/// <c>--output-format stream-json</c>: one compact JSON object per line on stdout, each with a <c>type</c>:
/// <c>session</c> (first), <c>text</c> (answer deltas), <c>function_call_started</c>, <c>function_call_progress</c>,
/// <c>function_call_finished</c>, <c>warning</c>, <c>error</c>, and <c>result</c> (last, on success). Events that
/// happen before the session line (a server failing at start) are held and written right after it.
/// </summary>
public sealed class StreamJsonWriter(TextWriter output) : IAgentEventSink
{
    private static readonly JsonSerializerOptions s_options = RuntimeJson.CreateOptions(
        new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        },
        OutputJsonContext.Default);

    private readonly Lock _gate = new();
    private List<JsonObject>? _held = [];

    public void Publish(AgentEvent agentEvent)
    {
        var line = agentEvent switch
        {
            FunctionCallStarted started => Line("function_call_started", new StreamCallStarted(
                started.CallId, started.FunctionName, started.ServerName, started.Arguments)),
            FunctionCallProgressed progressed => Line("function_call_progress", new StreamCallProgress(
                progressed.CallId, progressed.FunctionName, progressed.Progress, progressed.Total, progressed.Message)),
            FunctionCallFinished finished => Line("function_call_finished", new StreamCallFinished(
                finished.CallId,
                finished.FunctionName,
                finished.ServerName,
                Math.Round(finished.Duration.TotalMilliseconds, 1),
                finished.Succeeded,
                finished.Succeeded ? finished.ResultText : null,
                finished.Succeeded ? null : finished.ResultText)),
            ServerStateChanged { State: ServerState.Failed } failed => Line("error", new StreamServerError("server", failed.ServerName, failed.Detail ?? "failed")),
            ServerWarning warning => Line("warning", new StreamWarning(warning.ServerName, warning.Message)),
            _ => null,
        };

        if (line is not null)
        {
            Write(line);
        }
    }

    /// <summary>The first line: who answers and with which servers and functions. Writes what was held until now.</summary>
    public void Session(string? provider, string? model, IEnumerable<StreamServer> servers, IEnumerable<string> functions)
    {
        lock (_gate)
        {
            var held = _held ?? [];
            _held = null;
            WriteNow(Line("session", new StreamSession(provider, model, servers, functions)));
            foreach (var line in held)
            {
                WriteNow(line);
            }
        }
    }

    /// <summary>A piece of the answer as the model streams it.</summary>
    public void Text(string delta) => Write(Line("text", new StreamText(delta)));

    /// <summary>The last line on success: the <c>--json</c> object with <c>"type": "result"</c>.</summary>
    public void Result(JsonAnswer answer) => Write(Line("result", answer));

    /// <summary>The last line on failure: the same one line as on stderr, and the exit code.</summary>
    public static void WriteError(TextWriter output, string message, int exitCode) =>
        new StreamJsonWriter(output) { _held = null }.Write(Line("error", new StreamAgentError("agent", message, exitCode)));

    /// <summary>Writes what is held when the run ends before its session line (every server down, say).</summary>
    public void FlushHeld()
    {
        lock (_gate)
        {
            var held = _held ?? [];
            _held = null;
            foreach (var line in held)
            {
                WriteNow(line);
            }
        }
    }

    private static JsonObject Line<T>(string type, T value)
    {
        var body = JsonSerializer.SerializeToNode(value, s_options.TypeInfo<T>())!.AsObject();
        var line = new JsonObject { ["type"] = type };
        foreach (var (name, node) in body.ToList())
        {
            body.Remove(name);
            line[name] = node;
        }

        return line;
    }

    private void Write(JsonObject line)
    {
        lock (_gate)
        {
            if (_held is not null)
            {
                _held.Add(line);
                return;
            }

            WriteNow(line);
        }
    }

    private void WriteNow(JsonObject line)
    {
        output.WriteLine(line.ToJsonString(s_options));
        output.Flush();
    }
}
