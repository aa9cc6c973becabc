using SkMcpAgent.Core.Events;
using SkMcpAgent.Output;

namespace SkMcpAgent.Tests.Output;

/// <summary>The exact stream-json lines: <c>type</c> first, compact, nulls kept, text readable (not \u-escaped).</summary>
public sealed class StreamJsonWriterTests
{
    [Fact]
    public void Lines_HaveTheDocumentedShapes_AndEventsBeforeTheSessionLineFollowIt()
    {
        var output = new StringWriter();
        var writer = new StreamJsonWriter(output);

        writer.Publish(new ServerWarning("disk", "slow ü"));
        writer.Publish(new ServerStateChanged("weather", ServerState.Failed, null));
        writer.Session("OpenAI", null, [new StreamServer("disk", "ready", 2)], ["disk_list"]);
        writer.Publish(new FunctionCallStarted("c1", "disk_list", "disk", OutputSamples.Arguments));
        writer.Publish(new FunctionCallProgressed("c1", "disk_list", 0.5, null, "half"));
        writer.Publish(new FunctionCallFinished("c1", "disk_list", "disk", OutputSamples.Arguments, TimeSpan.FromMilliseconds(12.345), true, "done <ok>"));
        writer.Publish(new FunctionCallFinished("c2", "disk_list", null, OutputSamples.Arguments, TimeSpan.FromMilliseconds(1), false, "failed"));
        writer.Text("Hi \"there\"");
        writer.Result(new JsonAnswer("Hi", "OpenAI", null, [new JsonToolCall("disk_list", "disk", OutputSamples.Arguments, false, "boom", 12.5)], new JsonUsage(10, null, 15)));

        Assert.Equal(
            """
            {"type":"session","provider":"OpenAI","model":null,"servers":[{"name":"disk","state":"ready","functions":2}],"functions":["disk_list"]}
            {"type":"warning","server":"disk","message":"slow ü"}
            {"type":"error","source":"server","server":"weather","message":"failed"}
            {"type":"function_call_started","callId":"c1","function":"disk_list","server":"disk","arguments":{"city":"Zürich <b>","days":3}}
            {"type":"function_call_progress","callId":"c1","function":"disk_list","progress":0.5,"total":null,"message":"half"}
            {"type":"function_call_finished","callId":"c1","function":"disk_list","server":"disk","durationMs":12.3,"ok":true,"result":"done <ok>","error":null}
            {"type":"function_call_finished","callId":"c2","function":"disk_list","server":null,"durationMs":1,"ok":false,"result":null,"error":"failed"}
            {"type":"text","text":"Hi \"there\""}
            {"type":"result","answer":"Hi","provider":"OpenAI","model":null,"toolCalls":[{"function":"disk_list","server":"disk","arguments":{"city":"Zürich <b>","days":3},"ok":false,"error":"boom","durationMs":12.5}],"usage":{"inputTokens":10,"outputTokens":null,"totalTokens":15},"stopReason":"answered","conversationId":null}

            """,
            output.ToString());
    }

    [Fact]
    public void WriteError_IsOneErrorLineWithTheExitCode()
    {
        var output = new StringWriter();

        StreamJsonWriter.WriteError(output, "gone", 3);

        Assert.Equal("{\"type\":\"error\",\"source\":\"agent\",\"message\":\"gone\",\"exitCode\":3}" + Environment.NewLine, output.ToString());
    }
}
